package dev.custflow.internal.packs;

import dev.custflow.model.PublicHolidays;
import dev.custflow.settings.InvalidSettingsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads {@code calendars.holidays}: the built-in {@code cn-mainland} and the host's CSV files. It lives here, not in
 * the settings, because rules may use the settings package: a rule must not be able to make anything read a file.
 */
public final class HolidayFiles {
    /** Files read, by path, size and time of change: every partition and engine resolves the same calendars. */
    private static final Map<List<String>, PublicHolidays> READ = new ConcurrentHashMap<>();

    private HolidayFiles() {
    }

    /**
     * @param entries {@code cn-mainland} or paths of CSV files, later ones winning on the same date
     * @return the days
     * @throws InvalidSettingsException naming {@code calendars.holidays}, the file and the line
     */
    public static PublicHolidays load(List<String> entries) {
        PublicHolidays all = PublicHolidays.none();
        for (String h : entries) {
            all = all.with(h.equalsIgnoreCase(PublicHolidays.CN_MAINLAND) ? PublicHolidays.cnMainland() : file(h));
        }
        return all;
    }

    private static PublicHolidays file(String h) {
        Path p;
        List<String> key = new ArrayList<>();
        try {
            p = Path.of(h);
            key.add(p.toAbsolutePath().toString());
            key.add(String.valueOf(Files.size(p)));
            key.add(String.valueOf(Files.getLastModifiedTime(p).toMillis()));
        } catch (IOException | RuntimeException e) {
            throw unreadable(h, e);
        }
        PublicHolidays cached = READ.get(key);
        if (cached != null) {
            return cached;
        }
        String text;
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw unreadable(h, e);
        }
        try {
            PublicHolidays days = PublicHolidays.parse(text, h);
            READ.put(key, days);
            return days;
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("calendars.holidays", h, e.getMessage());
        }
    }

    private static InvalidSettingsException unreadable(String h, Exception e) {
        return new InvalidSettingsException("calendars.holidays", h, "cannot read this file (" + e
                + "); give cn-mainland or the path of a CSV file 'date,kind,name_zh,name_en'");
    }
}
