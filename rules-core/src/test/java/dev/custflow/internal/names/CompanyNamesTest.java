package dev.custflow.internal.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The account key of a company name: one key for one company's spellings, different keys for different companies. */
class CompanyNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            华为                              | 华为
            华为技术有限公司                    | 华为
            深圳市华为技术有限公司               | 华为
            深圳华为技术有限公司                 | 华为
            华为技术（深圳）有限公司              | 华为
            ＨＵＡＷＥＩ                         | huawei
            Huawei Technologies Co., Ltd.     | huawei
            Huawei Co.,Ltd                    | huawei
            海尔集团有限公司                    | 海尔
            海尔集团                           | 海尔
            青岛海尔股份有限公司                 | 青岛海尔
            阿里巴巴网络技术有限公司              | 阿里巴巴
            北京百度网讯科技有限公司              | 百度网讯
            上海精工机械有限公司                 | 上海精工机械
            上海精工机械公司                    | 上海精工机械
            中国银行股份有限公司                 | 中国银行
            中国建设银行                        | 中国建设银行
            北京银行股份有限公司                 | 北京银行
            中国电子科技集团有限公司              | 中国电子
            宏图远航贸易有限公司                 | 宏图远航贸易
            天津宏图远航电子有限公司              | 天津宏图远航电子
            上海网络科技有限公司                 | 上海网络
            西门子（中国）有限公司               | 西门子
            ACME Trading Co., Ltd.            | acmetrading
            Acme Trading Ltd                  | acmetrading
            Bistro Inc                        | bistro
            Zinc                              | zinc
            Costco                            | costco
            Müller GmbH                       | müller
            Globex Corp.                      | globex
            Initech LLC                       | initech
            Umbrella Limited                  | umbrella
            '  Hooli,   Inc. '                | hooli
            """)
    void aCompanyName_hasItsAccountKey(String name, String key) {
        assertThat(CompanyNames.accountKey(name)).isEqualTo(key);
        assertThat(CompanyNames.accountKey(key)).as("a key is its own key").isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} and {1} are one account")
    @CsvSource(delimiter = '|', textBlock = """
            华为              | 华为技术有限公司
            华为技术有限公司    | 深圳市华为技术有限公司
            腾讯科技          | 腾讯
            京东科技有限公司    | 京东
            小米科技          | 小米信息技术有限公司
            ＡＣＭＥ ＣＯ．， ＬＴＤ． | acme
            """)
    void spellingsOfOneCompany_areOneAccount(String a, String b) {
        assertThat(CompanyNames.accountKey(a)).isEqualTo(CompanyNames.accountKey(b));
    }

    @ParameterizedTest(name = "{0} and {1} are different accounts")
    @CsvSource(delimiter = '|', textBlock = """
            中国银行          | 中国建设银行
            北京银行          | 上海银行
            上海精工机械       | 北京精工机械
            中国电子科技集团    | 中国信息科技集团
            上海网络科技有限公司 | 北京网络科技有限公司
            华为              | 华夏
            宏图远航科技       | 宏图远航贸易
            宏图贸易          | 宏图电子
            万达实业          | 万达
            Acme Trading      | Acme Technology
            """)
    void differentCompanies_areDifferentAccounts(String a, String b) {
        assertThat(CompanyNames.accountKey(a)).isNotEqualTo(CompanyNames.accountKey(b));
    }

    @ParameterizedTest(name = "{0} has no account")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL
            '   '
            有限公司
            Co., Ltd.
            N/A
            """)
    void aNameOfNothingButLegalForms_hasNoAccount(String name) {
        assertThat(CompanyNames.accountKey(name)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            王伟       | 王伟
            王 伟      | 王伟
            Li Wei    | liwei
            LI·WEI    | liwei
            ＬＩ　ＷＥＩ | liwei
            李        | NULL
            N/A       | NULL
            """)
    void personNames_compareFolded(String name, String key) {
        assertThat(PersonNames.key(name)).isEqualTo(key);
    }
}
