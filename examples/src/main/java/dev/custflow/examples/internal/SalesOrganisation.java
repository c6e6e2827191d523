package dev.custflow.examples.internal;

import dev.custflow.event.CampaignLaunched;
import dev.custflow.event.Event;
import dev.custflow.event.RepUpdated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The company's side of the year: its reps (hired at the start, one on leave in summer, one hired
 * in autumn) and its quarterly marketing campaigns. Customers ask it for the rep of their region.
 */
public final class SalesOrganisation extends Actor {
    /** Leads per rep the company staffs for. */
    private static final int LEADS_PER_REP = 250;

    private record Planned(long at, Event event) {
    }

    private final List<List<String>> repsByRegion = new ArrayList<>();
    private final List<Planned> planned = new ArrayList<>();
    private int position;

    /**
     * @param time      the calendar
     * @param customers the number of leads expected over the period
     */
    public SalesOrganisation(Timeline time, int customers) {
        super(1, 0);
        for (int g = 0; g < Catalog.REGIONS.size(); g++) {
            repsByRegion.add(new ArrayList<>());
        }
        int reps = Math.max(Catalog.REGIONS.size(), Math.round(customers / (float) LEADS_PER_REP));
        long start = time.midnight(0);
        for (int i = 0; i < reps; i++) {
            hire(i, start, i % Catalog.REGIONS.size(), true);
        }
        int days = time.days();
        String onLeave = repsByRegion.get(0).get(0);
        if (days > 60) { // a summer holiday, then back
            planned.add(new Planned(time.at(days * 5 / 12, 8), new RepUpdated(onLeave + "-leave", Instant.ofEpochMilli(
                    time.at(days * 5 / 12, 8)), onLeave, null, null, null, null, null, null, false)));
            planned.add(new Planned(time.at(days * 6 / 12, 8), new RepUpdated(onLeave + "-back", Instant.ofEpochMilli(
                    time.at(days * 6 / 12, 8)), onLeave, null, null, null, null, null, null, true)));
        }
        if (days > 90) { // growth: the busiest region gets one more rep
            hire(reps, time.at(days * 8 / 12, 8), 0, false); // takes new accounts only
        }
        String[][] campaigns = {
            {"SPRING", "NEW_CUSTOMERS", "春季新客礼", "WECHAT"},
            {"MID_YEAR", "HIGH_VALUE", "618 大客户专享", "EMAIL"},
            {"AUTUMN", "DORMANT", "中秋老客户回馈", "SMS"},
            {"YEAR_END", "LOYAL", "双十一年终采购节", "WECHAT"}};
        for (int q = 0; q < campaigns.length; q++) {
            int day = days * (2 * q + 1) / 8;
            if (day > 0 && day < days) {
                long at = time.at(day, 10);
                String[] c = campaigns[q];
                planned.add(new Planned(at, new CampaignLaunched("campaign-" + c[0], Instant.ofEpochMilli(at),
                        "campaign-" + c[0], c[1], c[2], c[3])));
            }
        }
        planned.sort(Comparator.comparingLong(Planned::at)); // stable: same-time events keep their order
    }

    private void hire(int number, long at, int region, boolean looksAfterLeads) {
        String id = String.format(Locale.ROOT, "rep-%02d", number + 1);
        boolean keyAccounts = number % 3 == 0;
        String regionName = Catalog.REGIONS.get(region).name();
        List<String> industries = List.of(Catalog.INDUSTRIES.get(number % Catalog.INDUSTRIES.size()),
                Catalog.INDUSTRIES.get((number + 2) % Catalog.INDUSTRIES.size()));
        planned.add(new Planned(at, new RepUpdated(id + "-joined", Instant.ofEpochMilli(at), id,
                Catalog.personName(new SplittableRandom(number)), keyAccounts ? "KEY_ACCOUNTS" : "SMB",
                regionName, industries, keyAccounts, keyAccounts ? 60 : 150, true)));
        if (looksAfterLeads) {
            repsByRegion.get(region).add(id);
        }
    }

    /**
     * @param region   the region's index in the catalog
     * @param customer the customer's number, to spread customers over the region's reps
     * @return the rep who looks after the customer
     */
    String repFor(int region, int customer) {
        List<String> reps = repsByRegion.get(region);
        return reps.get(Math.floorMod(customer, reps.size()));
    }

    @Override
    public long nextAt() {
        return position < planned.size() ? planned.get(position).at() : DONE;
    }

    @Override
    public Event next() {
        return planned.get(position++).event();
    }
}
