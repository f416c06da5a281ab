package org.gongzhi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A native image initialises classes while it is built and stores their static fields in the executable: a random
 * generator kept in a static field would be seeded once, at build time, and every pod would draw the same numbers
 * (native-image refuses a SecureRandom there). Application classes keep generators in beans or locals instead.
 */
class NativeImageReadinessTest {

    @Test
    void noApplicationClassKeepsARandomGeneratorInAStaticField() throws Exception {
        Path classes = Path.of("target", "classes");
        List<String> offenders = new ArrayList<>();
        for (String name : classNames(classes)) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())
                        && (Random.class.isAssignableFrom(f.getType()) || SplittableRandom.class.isAssignableFrom(f.getType()))) {
                    offenders.add(name + "." + f.getName());
                }
            }
        }
        assertThat(offenders).as("static random generators").isEmpty();
    }

    private static List<String> classNames(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("org"))) {
            List<String> names = files.filter(p -> p.toString().endsWith(".class")).map(p -> root.relativize(p).toString())
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.')).toList();
            assertThat(names).as("compiled classes under %s", root).isNotEmpty();
            return names;
        }
    }
}
