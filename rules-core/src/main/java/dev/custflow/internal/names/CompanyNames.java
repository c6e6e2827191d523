package dev.custflow.internal.names;

import dev.custflow.model.ContactData;
import dev.custflow.text.Folding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The account key of a company name (docs/rules.md, "Accounts"): one key for the ways people write one company,
 * so that its contacts are listed under one account. Chinese registered names follow 城市 + 字号 + 行业 + 组织形式
 * (深圳市 + 华为 + 技术 + 有限公司); the key keeps the trade name (字号) and what cannot be told apart from it:
 * <ol>
 * <li>full-width characters become half-width (NFKC), letters lower case, and every run of punctuation and spaces one
 * gap; a place in brackets ("西门子(中国)有限公司") goes;</li>
 * <li>legal forms at the end go, repeatedly: {@link #LEGAL_FORMS} (有限公司, 股份有限公司, 集团, Co., Ltd., GmbH...; a
 * Latin one only as whole words: "Zinc" keeps its "inc");</li>
 * <li>the technology designation at the end goes: {@link #TRADE_WORDS} (科技 and 技术, alone or after 信息, 网络 or
 * 电子; technology, technologies). Companies add and drop it freely around one trade name (华为 and 华为技术有限公司,
 * 腾讯 and 腾讯科技, 阿里巴巴网络技术), so it does not tell two companies apart. The other trade words stay:
 * 贸易, 实业, 电子, 信息 or 网络 alone name a line of business that does tell sister companies apart (宏图贸易 is not
 * 宏图电子: with them stripped, a simulated base of 3,000 distinct companies had 460 false links), and 银行, 证券,
 * 机械 and the like are often the name itself (中国银行 is not 中国建设银行). The designation stays when taking it off
 * would leave fewer than two characters, a place or another generic word ("上海网络科技" keeps its 网络);</li>
 * <li>a city or province at the start ({@link #PLACES}, with or without 市 or 省) goes, but only in a registered
 * name that had a technology designation (深圳市华为技术有限公司 → 华为) and only when what is left is at least two
 * characters and not generic: without one the place is often the name (北京银行, 上海精工机械), so it stays;</li>
 * <li>the spaces go ("Acme Trading" → {@code acmetrading}).</li>
 * </ol>
 * Known limit, on purpose: one trade name registered in two cities with a designation (北京精工科技, 上海精工科技) is one
 * account, {@code 精工}. Accounts only list contacts together; they never merge people (see DuplicateIndex), so a
 * wrong link costs a look, not a lost lead.
 *
 * <p>Stateless and thread-safe; every step is idempotent, so a key is its own key.
 */
public final class CompanyNames {
    /** Legal forms left out at the end of a name, Chinese and English; longer ones are tried first. */
    public static final List<String> LEGAL_FORMS = List.of("集团股份有限公司", "股份有限公司", "集团有限公司",
            "有限责任公司", "有限公司", "股份公司", "集团公司", "总公司", "集团", "股份", "公司",
            "co ltd", "co", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "llc", "gmbh", "plc",
            "company", "group");
    /** Technology designations left out at the end of a name (the guards above apply); longer ones first. */
    public static final List<String> TRADE_WORDS = List.of("信息技术", "网络技术", "电子技术", "信息科技", "网络科技",
            "电子科技", "科技", "技术", "technology", "technologies");
    /** Cities and provinces left out at the start of a registered name (with or without 市 / 省). */
    public static final List<String> PLACES = List.of("北京", "上海", "天津", "重庆", "深圳", "广州", "杭州", "南京",
            "苏州", "成都", "武汉", "西安", "厦门", "青岛", "宁波", "东莞", "佛山", "无锡", "合肥", "长沙", "郑州",
            "济南", "福州", "大连", "沈阳", "珠海", "香港", "广东", "浙江", "江苏", "山东", "福建", "四川", "湖北",
            "湖南", "河南", "河北");
    /** Words that are no trade name alone: what is left after taking off a word must not be one of these. */
    private static final Set<String> GENERIC = Set.of("中国", "中华", "国际", "银行", "保险", "证券", "电力", "电信",
            "移动", "联通", "航空", "医院", "大学", "机械", "集团", "公司", "科技", "技术", "信息", "网络", "电子",
            "实业", "贸易");
    private static final Pattern BRACKETED_PLACE;

    static {
        StringBuilder p = new StringBuilder("\\((?:中国|");
        p.append(String.join("|", PLACES)).append(")[市省]?\\)");
        BRACKETED_PLACE = Pattern.compile(p.toString());
    }

    private static final List<String> LEGAL = squeezedLongestFirst(LEGAL_FORMS);
    private static final List<String> TRADE = squeezedLongestFirst(TRADE_WORDS);

    private CompanyNames() {
    }

    /**
     * @param raw a company name as entered, or null
     * @return its account key, or null when the name is missing or is nothing but legal forms and punctuation
     */
    public static String accountKey(String raw) {
        String t = ContactData.tidy(raw);
        if (t == null) {
            return null;
        }
        String s = BRACKETED_PLACE.matcher(Folding.fold(t)).replaceAll(" ");
        String words = Folding.words(s);
        boolean traded = false;
        boolean stripped = true;
        while (stripped && !words.isEmpty()) {
            stripped = false;
            int at = matchAny(LEGAL, words);
            if (at >= 0) {
                words = words.substring(0, at).strip();
                stripped = true;
                continue;
            }
            for (String w : TRADE) { // the longest designation whose removal leaves a trade name
                at = Folding.startOfEnding(w, words);
                if (at >= 0 && isTradeName(words.substring(0, at).strip())) {
                    words = words.substring(0, at).strip();
                    stripped = true;
                    traded = true;
                    break;
                }
            }
        }
        if (traded) {
            words = withoutPlace(words);
        }
        String key = words.replace(" ", "");
        return key.isEmpty() || ContactData.ofDefaults().isMissing(key) ? null : key;
    }

    /** A city or province at the start, when what is left is a trade name. */
    private static String withoutPlace(String words) {
        for (String place : PLACES) {
            if (words.startsWith(place)) {
                String rest = words.substring(place.length());
                if (rest.startsWith("市") || rest.startsWith("省")) {
                    rest = rest.substring(1);
                }
                rest = rest.strip();
                if (isTradeName(rest)) {
                    return rest;
                }
            }
        }
        return words;
    }

    /** @return true if the text can stand alone as a trade name: two characters or more, no place, not generic */
    private static boolean isTradeName(String s) {
        String squeezed = s.replace(" ", "");
        if (squeezed.codePointCount(0, squeezed.length()) < 2 || GENERIC.contains(squeezed)) {
            return false;
        }
        for (String place : PLACES) {
            if (squeezed.equals(place) || squeezed.equals(place + "市") || squeezed.equals(place + "省")) {
                return false;
            }
        }
        return true;
    }

    /** @return where the first of these words (spaces ignored) starts at the end of {@code words}, or -1 */
    private static int matchAny(List<String> squeezed, String words) {
        for (String w : squeezed) {
            int at = Folding.startOfEnding(w, words);
            if (at >= 0) {
                return at;
            }
        }
        return -1;
    }

    private static List<String> squeezedLongestFirst(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            out.add(w.replace(" ", ""));
        }
        out.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(out);
    }
}
