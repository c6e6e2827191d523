package dev.custflow.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Leads of the same shape as the real Leads.csv (its header, its placeholder "Select", empty cells,
 * quoted values with commas, the trailing comma), generated from a seed, with a known story: a
 * referral, a working professional or a long visit converts more, an Olark chat or a bounced
 * e-mail less. The real file is not copied into the project.
 */
public final class SyntheticLeads {
    public static final String HEADER = "Prospect ID,Lead Number,Lead Origin,Lead Source,Do Not Email,Do Not Call,"
            + "Converted,TotalVisits,Total Time Spent on Website,Page Views Per Visit,Last Activity,Country,"
            + "Specialization,How did you hear about X Education,What is your current occupation,"
            + "What matters most to you in choosing a course,Search,Magazine,Newspaper Article,X Education Forums,"
            + "Newspaper,Digital Advertisement,Through Recommendations,Receive More Updates About Our Courses,Tags,"
            + "Lead Quality,Update me on Supply Chain Content,Get updates on DM Content,Lead Profile,City,"
            + "Asymmetrique Activity Index,Asymmetrique Profile Index,Asymmetrique Activity Score,"
            + "Asymmetrique Profile Score,I agree to pay the amount through cheque,"
            + "A free copy of Mastering The Interview,Last Notable Activity,";

    private static final String[] SOURCES = {"Google", "Direct Traffic", "Olark Chat", "Organic Search", "Reference"};
    private static final String[] ACTIVITIES = {"Email Opened", "SMS Sent", "Olark Chat Conversation",
        "Page Visited on Website", "Email Bounced"};
    private static final String[] SPECIALIZATIONS = {"Select", "", "Finance Management",
        "\"Banking, Investment And Insurance\"", "Marketing Management"};
    private static final String[] OCCUPATIONS = {"Unemployed", "", "Working Professional", "Student"};

    private SyntheticLeads() {
    }

    /**
     * @param folder where to write {@code Leads.csv}
     * @param leads  how many
     * @param seed   the same seed, the same file
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path write(Path folder, int leads, long seed) throws IOException {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (int i = 0; i < leads; i++) {
            String source = SOURCES[r.nextInt(SOURCES.length)];
            String activity = ACTIVITIES[r.nextInt(ACTIVITIES.length)];
            String occupation = OCCUPATIONS[r.nextInt(OCCUPATIONS.length)];
            String specialization = SPECIALIZATIONS[r.nextInt(SPECIALIZATIONS.length)];
            int visits = r.nextInt(8);
            int seconds = visits == 0 ? 0 : r.nextInt(2000);
            double logit = -0.8 + (source.equals("Reference") ? 2.5 : 0) + (source.equals("Olark Chat") ? -1 : 0)
                    + (occupation.equals("Working Professional") ? 2 : 0) + (occupation.isEmpty() ? -1 : 0)
                    + (seconds >= 700 ? 1.8 : 0) + (activity.equals("Olark Chat Conversation") ? -1.2 : 0)
                    + (activity.equals("Email Bounced") ? -1.5 : 0) + (activity.equals("SMS Sent") ? 1 : 0);
            boolean converted = r.nextDouble() < 1 / (1 + Math.exp(-logit));
            String origin = source.equals("Reference") ? "Lead Add Form" : "Landing Page Submission";
            lines.add(String.join(",", "id-" + i, Integer.toString(600_000 + i), origin, source,
                    r.nextInt(10) == 0 ? "Yes" : "No", "No", converted ? "1" : "0", Integer.toString(visits),
                    Integer.toString(seconds), visits == 0 ? "0" : String.format(Locale.ROOT, "%.1f",
                            1 + r.nextInt(8) / 2.0), activity, r.nextBoolean() ? "India" : "", specialization,
                    "Select", occupation, "Better Career Prospects", "No", "No", "No", "No", "No", "No", "No", "No",
                    // the columns that leak the outcome: filled in so that reading them would show
                    converted ? "Closed by Horizzon" : "Ringing", converted ? "High in Relevance" : "Not Sure", "No",
                    "No", "Select", "Mumbai", "02.Medium", "02.Medium", "15", "15", "No", "No", "Modified") + ",");
        }
        Path file = folder.resolve(LeadHistory.FILE_NAME);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }
}
