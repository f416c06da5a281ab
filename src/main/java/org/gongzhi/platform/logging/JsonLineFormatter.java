package org.gongzhi.platform.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

/**
 * One JSON object per log line (timestamp, level, logger, thread, message, exception) for log
 * collectors. Written by hand: JBoss LogManager's JsonFormatter needs jakarta.json, which is not visible
 * to the boot class loader that holds the log manager in a packaged Quarkus app.
 */
public final class JsonLineFormatter extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    @Override
    public String format(LogRecord record) {
        StringBuilder sb = new StringBuilder(256).append('{');
        field(sb, "timestamp", TIME.format(Instant.ofEpochMilli(record.getMillis()))).append(',');
        field(sb, "level", record.getLevel().getName()).append(',');
        field(sb, "logger", record.getLoggerName()).append(',');
        field(sb, "thread", Thread.currentThread().getName()).append(',');
        field(sb, "message", record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            sb.append(',');
            field(sb, "exception", trace.toString());
        }
        return sb.append("}\n").toString();
    }

    private static StringBuilder field(StringBuilder sb, String name, String value) {
        sb.append('"').append(name).append("\":");
        if (value == null) {
            return sb.append("null");
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
