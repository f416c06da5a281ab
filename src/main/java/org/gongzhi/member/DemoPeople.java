package org.gongzhi.member;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic personal data for the demo street: plausible Chinese names by generation, well-formed but
 * fake 18-digit resident ID numbers (GB 11643 check digit) and phone numbers of the 1380000xxxx block.
 * Nothing here belongs to a real person.
 */
final class DemoPeople {

    /** A district code in the format of GB/T 2260; the persons are invented. */
    static final String REGION = "110105";

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤";
    private static final String[] MALE_OLD = {"建国", "国庆", "建华", "志强", "德福", "永胜", "文华", "福生", "振华", "春生", "明", "军", "华", "刚", "林", "平", "忠", "海"};
    private static final String[] MALE_MID = {"伟", "强", "磊", "勇", "杰", "涛", "超", "鹏", "斌", "峰", "辉", "海波", "建军", "志刚", "晓东", "俊杰", "立新", "文博"};
    private static final String[] MALE_YOUNG = {"子轩", "浩然", "宇航", "梓睿", "俊熙", "一鸣", "博文", "宇", "浩", "晨", "睿", "子墨", "思远", "嘉豪", "天佑", "逸飞"};
    private static final String[] FEMALE_OLD = {"秀英", "桂英", "玉兰", "秀兰", "桂兰", "凤英", "淑珍", "玉珍", "素芬", "翠花", "兰", "芳", "英", "珍", "华", "琴"};
    private static final String[] FEMALE_MID = {"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "婷", "慧", "丽华", "晓燕", "海燕", "春梅", "雪梅", "红霞", "小红", "雅琴"};
    private static final String[] FEMALE_YOUNG = {"欣怡", "梓涵", "雨桐", "思琪", "诗涵", "可馨", "一诺", "子涵", "雪", "颖", "琳", "佳怡", "若曦", "语嫣", "梦瑶", "紫萱"};
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private final Random random;
    private final Set<String> idNumbers = new HashSet<>();
    private int phoneSeq;

    DemoPeople(Random random) {
        this.random = random;
    }

    String surname() {
        // Earlier surnames in the list are the most common ones: bias towards them.
        int i = (int) (Math.pow(random.nextDouble(), 1.8) * SURNAMES.length());
        return String.valueOf(SURNAMES.charAt(i));
    }

    String givenName(Gender gender, LocalDate birth) {
        int year = birth.getYear();
        String[] pool = gender == Gender.MALE
                ? (year < 1965 ? MALE_OLD : year < 1995 ? MALE_MID : MALE_YOUNG)
                : (year < 1965 ? FEMALE_OLD : year < 1995 ? FEMALE_MID : FEMALE_YOUNG);
        return pool[random.nextInt(pool.length)];
    }

    LocalDate birthDate(LocalDate today, int minAge, int maxAge) {
        int age = minAge + random.nextInt(maxAge - minAge + 1);
        return today.minusYears(age).minusDays(1 + random.nextInt(364));
    }

    /** A well-formed, unique 18-character ID number: region, birth date, sequence (odd = male), check digit. */
    String idNumber(Gender gender, LocalDate birth) {
        while (true) {
            int seq = random.nextInt(500) * 2 + (gender == Gender.MALE ? 1 : 0);
            String body = REGION + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
            String id = body + checkDigit(body);
            if (idNumbers.add(id)) {
                return id;
            }
        }
    }

    /** 13800000001, 13800000002, …: a block that no real subscriber holds. */
    String phone() {
        phoneSeq++;
        return String.format("1380000%04d", phoneSeq);
    }

    static char checkDigit(String body17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }
}
