package org.virtlab.engine.io;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Measures what an object graph holds in memory, for tests of checkpoint sizes: the bytes of every object reachable
 * from a root, each counted once, optionally leaving out those reachable from other roots (what a second checkpoint
 * adds to the first). Sizes as a 64-bit JVM with compressed references lays objects out: a 12-byte header, 4-byte
 * references, fields at their width, each object rounded up to 8 bytes; an array's header is 16 bytes. JDK
 * collections are walked through their elements (8 bytes a slot), strings counted by length; enum constants and
 * classes are shared by everyone and not counted.
 */
final class DeepSize {
    private DeepSize() {
    }

    /** Bytes reachable from {@code root}. */
    static long of(Object root) {
        return of(root, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** Bytes reachable from {@code root} and not from any of {@code others}. */
    static long ofExcluding(Object root, Object... others) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object o : others) {
            of(o, seen);
        }
        return of(root, seen);
    }

    private static long of(Object root, Set<Object> seen) {
        long bytes = 0;
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (o == null || o instanceof Enum<?> || o instanceof Class<?> || !seen.add(o)) {
                continue;
            }
            Class<?> c = o.getClass();
            if (c.isArray()) {
                int n = Array.getLength(o);
                Class<?> t = c.getComponentType();
                bytes += align(16 + (long) n * width(t));
                if (!t.isPrimitive()) {
                    for (int i = 0; i < n; i++) {
                        todo.push(Array.get(o, i) == null ? Boolean.FALSE : Array.get(o, i));
                    }
                }
            } else if (o instanceof String s) {
                bytes += align(24) + align(16 + s.length());
            } else if (o instanceof Collection<?> col) {
                bytes += align(16 + 8L * col.size());
                for (Object e : col) {
                    todo.push(e == null ? Boolean.FALSE : e);
                }
            } else if (o instanceof Map<?, ?> m) {
                bytes += align(16 + 32L * m.size());
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    todo.push(e.getKey() == null ? Boolean.FALSE : e.getKey());
                    todo.push(e.getValue() == null ? Boolean.FALSE : e.getValue());
                }
            } else if (c.getName().startsWith("java.")) {
                bytes += 16; // a boxed value or another small JDK object
            } else {
                long size = 12;
                for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                    for (Field f : k.getDeclaredFields()) {
                        if (Modifier.isStatic(f.getModifiers())) {
                            continue;
                        }
                        size += width(f.getType());
                        if (!f.getType().isPrimitive()) {
                            f.setAccessible(true);
                            try {
                                Object v = f.get(o);
                                if (v != null) {
                                    todo.push(v);
                                }
                            } catch (IllegalAccessException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                }
                bytes += align(size);
            }
        }
        return bytes;
    }

    private static int width(Class<?> t) {
        if (t == long.class || t == double.class) {
            return 8;
        }
        if (t == int.class || t == float.class || !t.isPrimitive()) {
            return 4;
        }
        if (t == short.class || t == char.class) {
            return 2;
        }
        return 1;
    }

    private static long align(long n) {
        return (n + 7) & ~7L;
    }
}
