package org.gongzhi.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Guards the rule of platform/time/package-info.java: outside {@code org.gongzhi.platform.time}, no code in
 * {@code src/main} reads a clock or a zone of its own, and no SQL (in Java strings, and in migrations from V50 on)
 * reads the database clock or turns an instant into a day in the session's zone. Code is told apart from string
 * literals and comments, so {@code time.now()} and a comment about {@code now()} pass, {@code "select now()"} fails.
 */
class ClockReadsGuardTest {

    /** Migrations before this version were written before the rule and are never edited (V50 drops their date defaults). */
    static final int FIRST_GUARDED_MIGRATION = 50;

    /**
     * Files allowed one forbidden read, with the reason. Keep it minimal: durations use {@code System.nanoTime()}, which
     * is not a clock read; anything that means "now" or "today" goes through TimeSource / BusinessCalendar.
     */
    static final Map<String, Set<String>> ALLOWED = Map.of();

    /** Clock and zone reads in Java code (outside string literals and comments). */
    static final List<Pattern> JAVA = Stream.of(
            "\\b(Instant|LocalDate|LocalDateTime|LocalTime|OffsetDateTime|OffsetTime|ZonedDateTime|YearMonth|Year|MonthDay)\\s*\\.\\s*now\\s*\\(",
            "\\bZoneId\\s*\\.\\s*systemDefault\\s*\\(", "\\bZoneId\\s*\\.\\s*of\\s*\\(", "\\bTimeZone\\s*\\.\\s*getDefault\\s*\\(",
            "\\bClock\\s*\\.\\s*(system|systemUTC|systemDefaultZone)\\w*\\s*\\(", "\\bnew\\s+(java\\.util\\.)?Date\\s*\\(",
            "\\bnew\\s+(java\\.util\\.)?GregorianCalendar\\s*\\(", "\\bCalendar\\s*\\.\\s*getInstance\\s*\\(",
            "\\bSystem\\s*\\.\\s*currentTimeMillis\\s*\\(").map(Pattern::compile).toList();

    /** Zone names in Java string literals: the business zone is configuration, never a constant. */
    static final Pattern ZONE_LITERAL = Pattern.compile("\\b(Asia|America|Europe|Africa|Australia|Pacific|Etc)/[A-Z]\\w+|[+-]0[0-9]:00\\b");

    /** Database clock reads, and day arithmetic in the session's zone, in SQL. */
    static final List<Pattern> SQL = Stream.of(
            "\\bcurrent_date\\b", "\\bcurrent_timestamp\\b", "\\bcurrent_time\\b", "\\blocaltimestamp\\b", "\\blocaltime\\b",
            "\\bnow\\s*\\(\\s*\\)", "\\b(clock|statement|transaction)_timestamp\\s*\\(", "\\btimeofday\\s*\\(",
            "'\\s*(today|now|yesterday|tomorrow)\\s*'",
            "interval\\s*'[^']*\\b(day|days|week|weeks|month|months|year|years)\\b").map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE))
            .toList();

    /** On a SQL line, these turn an instant into a day or a local time in the session's zone unless the zone is named. */
    static final Pattern SESSION_ZONE_DAY = Pattern.compile("::\\s*(date|timestamp)\\b(?!\\s*tz)|\\bdate_trunc\\s*\\(|\\bto_char\\s*\\(",
            Pattern.CASE_INSENSITIVE);

    @Test
    void mainCodeReadsNoClockButTheApplicationClock() throws IOException {
        List<String> found = new ArrayList<>();
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (rel.startsWith("org/gongzhi/platform/time/")) {
                    continue;
                }
                for (String v : scanJava(Files.readString(f))) {
                    if (!ALLOWED.getOrDefault(rel, Set.of()).contains(v.substring(v.indexOf(": ") + 2))) {
                        found.add(rel + ":" + v);
                    }
                }
            }
        }
        assertThat(found).as("Read time through TimeSource / BusinessCalendar and pass it to SQL as a parameter "
                + "(see org/gongzhi/platform/time/package-info.java)").isEmpty();
    }

    @Test
    void newMigrationsReadNoDatabaseClock() throws IOException {
        List<String> found = new ArrayList<>();
        Pattern version = Pattern.compile("V(\\d+)__.*\\.sql");
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path f : files.sorted().toList()) {
                Matcher m = version.matcher(f.getFileName().toString());
                if (m.matches() && Integer.parseInt(m.group(1)) >= FIRST_GUARDED_MIGRATION) {
                    scanSql(stripSqlComments(Files.readString(f)), 1).forEach(v -> found.add(f.getFileName() + ":" + v));
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theScannerTellsClockReadsFromTheirMentions() {
        assertThat(scanJava("class A { Instant t = Instant.now(); LocalDate d = LocalDate.now(ZoneId.of(\"UTC\")); }"))
                .containsExactly("1: Instant.now(", "1: LocalDate.now(", "1: ZoneId.of(");
        assertThat(scanJava("class A {\n String q = \"\"\"\n  select 1 where a < now() and\n  d > current_date\n  \"\"\"; }"))
                .containsExactly("3: now()", "4: current_date");
        assertThat(scanJava("class A { String q = \"select at::date, (at at time zone :zone)::date, date_trunc('month', at)\"; }"))
                .containsExactly("1: ::date", "1: date_trunc(");
        assertThat(scanJava("class A { String z = \"Asia/Shanghai\"; String q = \"x + interval '2 days'\"; long t = System.currentTimeMillis(); }"))
                .containsExactly("1: System.currentTimeMillis(", "1: Asia/Shanghai", "1: interval '2 days");
        assertThat(scanJava("""
                class A {
                    // now() and current_date in a comment, Instant.now() too
                    /* LocalDate.now() */
                    Instant t = time.now(); LocalDate d = calendar.today(); long n = System.nanoTime();
                    String q = "select 1 where at >= :now and day = :today and (at at time zone :zone)::date = :d and now_id = 1";
                    char c = '"'; String e = "\\" now() \\"";
                }""")).containsExactly("6: now()");
        assertThat(scanSql(stripSqlComments("-- now() in a comment\nalter table t alter column c set default now();"), 1))
                .containsExactly("2: now()");
    }

    /** Violations as "line: match" in a Java source: clock reads in code, SQL clock reads and zone names in strings. */
    static List<String> scanJava(String source) {
        List<String> out = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        StringBuilder strings = new StringBuilder();
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? n : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                int stop = end < 0 ? n : end + 2;
                keepLines(source, i, stop, code, strings);
                i = stop;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                int stop = end < 0 ? n : end + 3;
                literal(source, i, stop, code, strings);
                i = stop;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                int stop = Math.min(n, j + 1);
                if (c == '"') {
                    literal(source, i, stop, code, strings);
                } else {
                    blank(source, i, stop, code, strings);
                }
                i = stop;
            } else {
                code.append(c);
                strings.append(c == '\n' ? '\n' : ' ');
                i++;
            }
        }
        String[] codeLines = code.toString().split("\n", -1);
        String[] stringLines = strings.toString().split("\n", -1);
        for (int line = 0; line < codeLines.length; line++) {
            for (Pattern p : JAVA) {
                Matcher m = p.matcher(codeLines[line]);
                while (m.find()) {
                    out.add((line + 1) + ": " + m.group().replaceAll("\\s+", ""));
                }
            }
            Matcher z = ZONE_LITERAL.matcher(stringLines[line]);
            while (z.find()) {
                out.add((line + 1) + ": " + z.group());
            }
            out.addAll(scanSqlLine(stringLines[line], line + 1));
        }
        return out;
    }

    /** Violations in SQL text whose first line is line {@code firstLine}. */
    static List<String> scanSql(String sql, int firstLine) {
        List<String> out = new ArrayList<>();
        String[] lines = sql.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.addAll(scanSqlLine(lines[i], firstLine + i));
        }
        return out;
    }

    private static List<String> scanSqlLine(String line, int number) {
        List<String> out = new ArrayList<>();
        for (Pattern p : SQL) {
            Matcher m = p.matcher(line);
            while (m.find()) {
                out.add(number + ": " + m.group().toLowerCase(Locale.ROOT));
            }
        }
        Matcher d = SESSION_ZONE_DAY.matcher(line);
        while (d.find()) {
            String before = line.substring(0, d.start()).toLowerCase(Locale.ROOT);
            boolean zoneNamed = d.group().startsWith("::") && before.matches("(?s).*at\\s+time\\s+zone\\s+[^,]*\\)\\s*$");
            if (!zoneNamed) {
                out.add(number + ": " + d.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", ""));
            }
        }
        return out;
    }

    static String stripSqlComments(String sql) {
        String noBlocks = Pattern.compile("(?s)/\\*.*?\\*/").matcher(sql).replaceAll(m -> m.group().replaceAll("[^\\n]", " "));
        return noBlocks.replaceAll("--[^\\n]*", "");
    }

    /** A string literal: its text goes to the strings view (keeping line breaks), blanks to the code view. */
    private static void literal(String source, int from, int to, StringBuilder code, StringBuilder strings) {
        for (int k = from; k < to; k++) {
            char ch = source.charAt(k);
            code.append(ch == '\n' ? '\n' : ' ');
            strings.append(ch == '\n' ? '\n' : ch == '"' ? ' ' : ch);
        }
    }

    private static void blank(String source, int from, int to, StringBuilder code, StringBuilder strings) {
        for (int k = from; k < to; k++) {
            char ch = source.charAt(k);
            code.append(ch == '\n' ? '\n' : ' ');
            strings.append(ch == '\n' ? '\n' : ' ');
        }
    }

    private static void keepLines(String source, int from, int to, StringBuilder code, StringBuilder strings) {
        blank(source, from, to, code, strings);
    }
}
