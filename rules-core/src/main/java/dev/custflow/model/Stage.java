package dev.custflow.model;

/**
 * The lifecycle stage of a customer (客户生命周期), docs/design/rules-catalog.md §1.
 *
 * <p>The main path is {@code LEAD → PROSPECT → CUSTOMER → LOYAL → ADVOCATE}; {@link #DISQUALIFIED},
 * {@link #DORMANT}, {@link #NURTURE} and {@link #LOST} are side states. A lead's life as a lead ends one of three
 * ways: won (CUSTOMER), lost (LOST, told by the host) or recycled to marketing (NURTURE, after a period without
 * engagement). The constants keep their order (stored profiles name a stage by its position): new ones go last. A profile that the host created without lifecycle evidence
 * (for example an imported contact with only a ticket) has no stage yet ({@code null}).
 */
public enum Stage {
    /** 潜在客户: a lead captured from any channel. */
    LEAD("潜在客户"),
    /** 意向客户: the lead passed qualification (MQL) and a rep has engaged. */
    PROSPECT("意向客户"),
    /** 成交客户: first order placed, opportunity won or contract signed. */
    CUSTOMER("成交客户"),
    /** 忠诚客户: repeat buyer without an open complaint. */
    LOYAL("忠诚客户"),
    /** 拥护客户: loyal and a promoter (NPS 9-10) or a successful referrer. */
    ADVOCATE("拥护客户"),
    /** 无效线索: an invalid or unqualified lead, with the reason in its stage history. */
    DISQUALIFIED("无效线索"),
    /** 沉睡客户: a customer without an order for the dormancy period (default 180 days). */
    DORMANT("沉睡客户"),
    /**
     * 培育线索: a lead recycled to marketing after {@code leads.recycleAfterDays} without engagement, a LEAD again when
     * it engages.
     */
    NURTURE("培育线索"),
    /** 战败线索: a lead the sales team gave up on (a {@code LeadLost} event), with the reason in LEAD_CLOSED. */
    LOST("战败线索");

    private final String chinese;

    Stage(String chinese) {
        this.chinese = chinese;
    }

    /** @return the Chinese label used in reports and in the Chinese DSL */
    public String chinese() {
        return chinese;
    }

    /** @return true for the stages of someone who has bought (CUSTOMER, LOYAL, ADVOCATE, DORMANT) */
    public boolean hasBought() {
        return this == CUSTOMER || this == LOYAL || this == ADVOCATE || this == DORMANT;
    }
}
