package org.gongzhi.platform.i18n;

/** An enum value with its zh-CN label, so frontends never hard-code translations. */
public interface Labeled {

    /** The zh-CN label shown to users. */
    String label();
}
