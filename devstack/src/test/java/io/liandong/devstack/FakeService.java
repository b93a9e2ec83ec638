package io.liandong.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a service jar in {@link StackTest}: answers {@code /q/health/ready} and shows, under
 * {@code /wiring}, the settings the stack handed it. With {@code -Dfake.fail=true} it dies at once.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        if (Boolean.getBoolean("fake.fail")) {
            System.out.println("boom: failing on purpose");
            System.exit(3);
        }
        int port = Integer.getInteger("quarkus.http.port");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/q/health/ready", exchange -> respond(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/wiring", exchange -> respond(exchange, String.join("\n",
                System.getProperty("kafka.bootstrap.servers"),
                System.getProperty("quarkus.datasource.jdbc.url"),
                System.getProperty("quarkus.datasource.username"),
                System.getProperty("quarkus.datasource.password"),
                System.getProperty("fake.extra", ""))));
        server.start();
        System.out.println("fake service listening on " + port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("fake service stopping")));
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
