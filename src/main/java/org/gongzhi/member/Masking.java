package org.gongzhi.member;

/** 脱敏: how personal data looks to callers whose duty does not need it. */
public final class Masking {

    private Masking() {
    }

    /** 13812345678 -> 138****5678 */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        return phone.length() < 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** 110101199003071234 -> 110***********1234 */
    public static String idNumber(String id) {
        if (id == null) {
            return null;
        }
        return id.length() < 8 ? "****" : id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
    }

    /** Keeps the first 6 characters (district / street level), hides the rest. */
    public static String address(String address) {
        if (address == null) {
            return null;
        }
        return address.length() <= 6 ? "****" : address.substring(0, 6) + "****";
    }

    /** External identity values: first 4 and last 2 characters. */
    public static String identity(String value) {
        return value.length() <= 8 ? "****" : value.substring(0, 4) + "****" + value.substring(value.length() - 2);
    }
}
