package dev.custflow.examples.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The simulated company's world: a B2B supplier of office and IT equipment in China, its regions,
 * the industries it sells to, its products, and the names its leads have.
 */
final class Catalog {
    private Catalog() {
    }

    /** A sales region with its cities and its share of the leads. */
    record Region(String name, double weight, List<String> cities) {
    }

    static final List<Region> REGIONS = List.of(
            new Region("华东", 0.40, List.of("上海", "杭州", "苏州", "南京", "宁波")),
            new Region("华北", 0.25, List.of("北京", "天津", "石家庄", "太原")),
            new Region("华南", 0.25, List.of("广州", "深圳", "厦门", "东莞")),
            new Region("西南", 0.10, List.of("成都", "重庆", "昆明")));

    static final List<String> INDUSTRIES = List.of(
            "MANUFACTURING", "RETAIL", "EDUCATION", "HEALTHCARE", "LOGISTICS", "SOFTWARE");

    /** A product and its unit price in CNY. */
    record Product(String sku, BigDecimal price) {
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("PAPER-A4-BOX", new BigDecimal("139.90")),
            new Product("TONER-K", new BigDecimal("268.00")),
            new Product("CABLE-CAT6-100M", new BigDecimal("335.50")),
            new Product("ROUTER-AX", new BigDecimal("459.00")),
            new Product("SHELF-STEEL", new BigDecimal("620.00")),
            new Product("CHAIR-ERGO", new BigDecimal("899.00")),
            new Product("SAFE-BOX", new BigDecimal("1450.00")),
            new Product("MONITOR-27", new BigDecimal("1699.00")),
            new Product("DESK-STAND", new BigDecimal("2399.00")),
            new Product("SERVICE-YEAR", new BigDecimal("3000.00")),
            new Product("PRINTER-A3", new BigDecimal("5680.00")),
            new Product("LAPTOP-14", new BigDecimal("6299.00")));

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国晓鹏宇欣怡浩然子涵";
    private static final List<String> FIRM_WORDS = List.of(
            "恒达", "华信", "远航", "瑞丰", "金诚", "新锐", "博远", "宏图", "天成", "润泽", "中联", "启明");
    private static final List<String> FIRM_TRADES = List.of(
            "机械", "科技", "贸易", "医疗器械", "物流", "教育科技", "软件", "电子", "商贸");
    private static final List<String> TITLES = List.of(
            "采购经理", "总经理", "行政主管", "IT主管", "财务总监", "工程师", "行政专员", "采购专员");

    static String personName(SplittableRandom r) {
        StringBuilder s = new StringBuilder(3).append(SURNAMES.charAt(r.nextInt(SURNAMES.length())));
        int given = r.nextInt(3) == 0 ? 1 : 2;
        for (int i = 0; i < given; i++) {
            s.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
        }
        return s.toString();
    }

    /**
     * A company name of the city, distinct for each of the first 14,256 customer numbers: two customers of one
     * company would be one account to the leads pack, which merges leads by company name.
     */
    static String companyName(String city, int number) {
        int w = FIRM_WORDS.size();
        int names = w * (w - 1) * FIRM_TRADES.size();
        int n = Math.floorMod(number, names);
        int first = n % w;
        int second = (first + 1 + n / w % (w - 1)) % w;
        String group = number < names ? "" : FIRM_WORDS.get(number / names % w); // a third word past the first names
        return city + group + FIRM_WORDS.get(first) + FIRM_WORDS.get(second) + FIRM_TRADES.get(n / (w * (w - 1)))
                + "有限公司";
    }

    static String title(SplittableRandom r) {
        return pick(TITLES, r);
    }

    /** @return true for the titles that decide purchases */
    static boolean isDecisionMaker(String title) {
        return title.endsWith("经理") || title.endsWith("总监") || title.endsWith("主管");
    }

    static String mobile(SplittableRandom r) {
        return "1" + (3 + r.nextInt(7)) + String.format(Locale.ROOT, "%09d", r.nextInt(1_000_000_000));
    }

    static Region region(SplittableRandom r) {
        double x = r.nextDouble();
        for (Region g : REGIONS) {
            x -= g.weight();
            if (x < 0) {
                return g;
            }
        }
        return REGIONS.get(REGIONS.size() - 1);
    }

    static <T> T pick(List<T> items, SplittableRandom r) {
        return items.get(r.nextInt(items.size()));
    }
}
