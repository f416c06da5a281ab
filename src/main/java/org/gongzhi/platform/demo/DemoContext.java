package org.gongzhi.platform.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.persistence.EntityManager;

/**
 * What demo contributors share: the entity manager (one transaction for the whole demo street), a seeded
 * random (the same street every time) and named ids that earlier contributors publish for later ones
 * (e.g. "community.1", "grid.3", "member.demo-resident").
 */
public final class DemoContext {

    private final EntityManager em;
    private final Random random = new Random(20261123L);
    private final Map<String, Long> ids = new HashMap<>();
    private final Map<String, List<Long>> lists = new HashMap<>();

    public DemoContext(EntityManager em) {
        this.em = em;
    }

    public EntityManager em() {
        return em;
    }

    public Random random() {
        return random;
    }

    public void put(String name, long id) {
        ids.put(name, id);
    }

    public long id(String name) {
        Long id = ids.get(name);
        if (id == null) {
            throw new IllegalStateException("Demo data has no id named " + name);
        }
        return id;
    }

    public boolean has(String name) {
        return ids.containsKey(name);
    }

    public void putList(String name, List<Long> values) {
        lists.put(name, List.copyOf(values));
    }

    public List<Long> list(String name) {
        return lists.getOrDefault(name, List.of());
    }
}
