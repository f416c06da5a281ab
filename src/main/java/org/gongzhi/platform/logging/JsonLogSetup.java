package org.gongzhi.platform.logging;

import java.util.logging.Handler;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.LogContext;

import io.quarkus.runtime.StartupEvent;

/**
 * JSON log lines for prod log collectors. The quarkus-logging-json extension is not available in this
 * build's repository, so the console handlers get {@link JsonLineFormatter} at startup.
 */
@Singleton
public class JsonLogSetup {

    void onStart(@Observes StartupEvent event, @ConfigProperty(name = "gongzhi.log.json", defaultValue = "false") boolean json) {
        if (!json) {
            return;
        }
        JsonLineFormatter formatter = new JsonLineFormatter();
        for (Handler handler : LogContext.getLogContext().getLogger("").getHandlers()) {
            apply(handler, formatter);
        }
    }

    private static void apply(Handler handler, JsonLineFormatter formatter) {
        if (handler instanceof org.jboss.logmanager.ExtHandler ext) {
            for (Handler child : ext.getHandlers()) {
                apply(child, formatter);
            }
        }
        if (handler instanceof org.jboss.logmanager.handlers.ConsoleHandler) {
            handler.setFormatter(formatter);
        }
    }
}
