package org.gongzhi.platform.demo;

/**
 * One feature's part of the demo street. Contributors run in {@link #order()} inside one transaction,
 * only into an empty database, and only when demo data is switched on (dev, or GONGZHI_DEMO_DATA=true).
 * Later contributors find what earlier ones wrote through the database (e.g. by organization name).
 */
public interface DemoDataContributor {

    /** 100: organizations and members; 200: needs; 300: resources; 400: deliberations; 500: engagement. */
    int order();

    /** Writes this feature's demo rows. */
    void contribute(DemoContext context);
}
