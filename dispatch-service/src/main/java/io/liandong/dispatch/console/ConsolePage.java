package io.liandong.dispatch.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** {@code /console} answers with the page at {@code /console/}, whose scripts and styles are relative to it. */
@ApplicationScoped
public class ConsolePage {

    void routes(@Observes Router router) {
        router.get("/console").order(-1).handler(rc -> {
            if ("/console".equals(rc.request().path())) {
                rc.redirect("/console/");
            } else {
                rc.next();
            }
        });
    }
}
