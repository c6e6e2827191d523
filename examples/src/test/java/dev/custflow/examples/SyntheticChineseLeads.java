package dev.custflow.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A host's own lead table, as a Chinese CRM exports it: Chinese column names, a byte-order mark (Excel's "CSV
 * UTF-8"), 是/否 outcomes, 未填 for a field left empty, a free-text column that must not be read. Generated from a
 * seed, with a known story: a referral (转介绍), a general manager or a long visit converts more, a bounced e-mail
 * less.
 */
public final class SyntheticChineseLeads {
    public static final String HEADER = "线索编号,来源渠道,省份,行业,职位,最近活动,网站停留秒数,访问次数,是否成交,备注";

    /** The mapping for this table. */
    public static final String MAPPING = """
            # 线索表的列映射 (the lead table's columns)
            id: 线索编号
            outcome: 是否成交
            converted: [是]
            notConverted: [否]
            channel: 来源渠道
            region: 省份
            industry: 行业
            title: 职位
            categories:
              最近活动: 最近活动
            numbers:
              网站停留秒数: {attribute: 停留秒数, bands: [0, 60, 300, 900]}
              访问次数: {attribute: visits, quantiles: 4}
            leaveOut: [备注]
            missing: [未填]
            """;

    private static final String[] CHANNELS = {"官网", "转介绍", "展会", "微信"};
    private static final String[] REGIONS = {"华东", "华南", "华北", "未填"};
    private static final String[] INDUSTRIES = {"制造业", "电子", "物流", ""};
    private static final String[] TITLES = {"总经理", "采购经理", "工程师", "未填"};
    private static final String[] ACTIVITIES = {"打开邮件", "表单提交", "邮件退回", "在线咨询"};

    private SyntheticChineseLeads() {
    }

    /**
     * @param folder where to write {@code 线索.csv}
     * @param leads  how many
     * @param seed   the same seed, the same file
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path write(Path folder, int leads, long seed) throws IOException {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add("\uFEFF" + HEADER);
        for (int i = 0; i < leads; i++) {
            String channel = CHANNELS[r.nextInt(CHANNELS.length)];
            String title = TITLES[r.nextInt(TITLES.length)];
            String activity = ACTIVITIES[r.nextInt(ACTIVITIES.length)];
            int seconds = r.nextInt(1500);
            double logit = -0.7 + (channel.equals("转介绍") ? 2 : 0) + (title.equals("总经理") ? 1.5 : 0)
                    + (seconds >= 900 ? 1.5 : 0) + (activity.equals("邮件退回") ? -1.5 : 0);
            boolean converted = r.nextDouble() < 1 / (1 + Math.exp(-logit));
            lines.add(String.join(",", Integer.toString(10_000 + i), channel, REGIONS[r.nextInt(REGIONS.length)],
                    INDUSTRIES[r.nextInt(INDUSTRIES.length)], title, activity, Integer.toString(seconds),
                    Integer.toString(1 + r.nextInt(9)), converted ? "是" : "否", "客户说下周再联系"));
        }
        Path file = folder.resolve("线索.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * @param folder where to write {@code 映射.yaml}
     * @return the mapping file
     * @throws IOException if it cannot be written
     */
    public static Path writeMapping(Path folder) throws IOException {
        Path file = folder.resolve("映射.yaml");
        Files.writeString(file, MAPPING, StandardCharsets.UTF_8);
        return file;
    }
}
