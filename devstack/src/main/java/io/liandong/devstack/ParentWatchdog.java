package io.liandong.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another main class and ends the JVM when the parent process dies.
 *
 * <p>Usage: {@code java -cp ... io.liandong.devstack.ParentWatchdog <main class> [args...]}. The
 * parent keeps the child's standard input open and never writes to it; when the parent dies, for
 * whatever reason (even {@code kill -9}), the operating system closes that pipe, this class reads
 * end-of-file and calls {@code System.exit} so the program's own shutdown hooks run. If they take
 * longer than the grace period ({@code -Dliandong.watchdog.grace-ms}, default 10000) the JVM halts.
 *
 * <p>This class is copied on its own into child classpaths: it must not use any other class of
 * this project, nor inner or anonymous classes.
 */
public final class ParentWatchdog {

    private ParentWatchdog() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: ParentWatchdog <main class> [args...]");
            System.exit(2);
        }
        Thread watcher = new Thread(ParentWatchdog::watchParent, "parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();

        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void watchParent() {
        byte[] buffer = new byte[256];
        try {
            InputStream in = System.in;
            while (in.read(buffer) >= 0) {
                // the parent never writes; anything read is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the same as end-of-file
        }
        long grace = Long.getLong("liandong.watchdog.grace-ms", 10_000L);
        System.err.println("[parent-watchdog] parent process is gone, shutting down (halt in " + grace + " ms)");
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(grace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(143);
        }, "parent-watchdog-halt");
        halter.setDaemon(true);
        halter.start();
        System.exit(143);
    }
}
