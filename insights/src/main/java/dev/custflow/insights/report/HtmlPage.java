package dev.custflow.insights.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * Writes a {@link Page} as one HTML file that needs nothing else: the style, the chart library (Apache ECharts, read
 * from its WebJar on the classpath) and the charts' data are all inside it, so it opens offline.
 */
final class HtmlPage {
    private static final String WEBJAR = "META-INF/resources/webjars/echarts/";
    private static final String WEBJAR_VERSION = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlPage() {
    }

    /**
     * @param page the page
     * @param out  where to write it (UTF-8 is the caller's: the page declares it)
     * @throws IOException if writing fails
     */
    public static void write(Page page, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"" + text(page.lang()) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
                + text(page.title()) + "</title>\n<style>\n" + resource("report.css") + "</style>\n");
        // the error hook runs first, so that it hears the library's errors too
        out.write("<script>\n" + script(resource("errors.js")) + "</script>\n</head>\n<body>\n");
        out.write("<pre id=\"custflow-errors\" hidden></pre>\n<h1>" + text(page.title()) + "</h1>\n");
        for (String line : page.lines()) {
            out.write("<p class=\"lines\">" + text(line) + "</p>\n");
        }
        out.write("<nav>");
        for (Page.Section s : page.sections()) {
            out.write("<a href=\"#" + text(s.id()) + "\">" + text(s.title()) + "</a>");
        }
        out.write("</nav>\n");
        ArrayNode specs = JSON.createArrayNode();
        for (Page.Section s : page.sections()) {
            out.write("<section id=\"" + text(s.id()) + "\">\n<h2>" + text(s.title()) + "</h2>\n<p class=\"note\">"
                    + text(s.note()) + "</p>\n");
            if (!s.charts().isEmpty()) {
                out.write("<div class=\"charts\">\n");
                for (Chart c : s.charts()) {
                    out.write("<div class=\"chart-box\"><h3>" + text(c.title()) + "</h3>");
                    out.write("<div class=\"chart\" id=\"chart-" + c.id() + "\" data-chart=\"" + c.id()
                            + "\" data-expected-points=\"" + c.points() + "\"></div></div>\n");
                    specs.add(spec(c));
                }
                out.write("</div>\n");
            }
            for (Page.Table t : s.tables()) {
                table(t, out);
            }
            out.write("</section>\n");
        }
        out.write("<footer>" + text(page.footer()) + "</footer>\n");
        out.write("<script>\n" + script(echarts()) + "\n</script>\n");
        out.write("<script type=\"application/json\" id=\"custflow-charts\">" + script(JSON.writeValueAsString(specs))
                + "</script>\n");
        out.write("<script>\n" + script(resource("report.js")) + "</script>\n</body>\n</html>\n");
    }

    private static ObjectNode spec(Chart c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", c.id());
        n.put("kind", c.kind().name());
        n.put("unit", c.unit());
        ArrayNode categories = n.putArray("categories");
        c.categories().forEach(categories::add);
        ArrayNode series = n.putArray("series");
        for (Chart.Series s : c.series()) {
            ObjectNode sn = series.addObject();
            sn.put("name", s.name());
            ArrayNode values = sn.putArray("values");
            ArrayNode refs = sn.putArray("refs");
            for (int i = 0; i < s.values().size(); i++) {
                Double v = s.values().get(i);
                if (v == null) {
                    values.addNull();
                } else {
                    values.add(v);
                }
                refs.add(s.refs().get(i));
            }
        }
        return n;
    }

    private static void table(Page.Table t, Writer out) throws IOException {
        out.write("<table id=\"" + text(t.id()) + "\">\n<thead><tr>");
        for (String h : t.header()) {
            out.write("<th>" + text(h) + "</th>");
        }
        out.write("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            out.write("<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.write(t.numeric().get(i) ? "<td class=\"num\">" : "<td>");
                out.write(text(row.get(i)));
                out.write("</td>");
            }
            out.write("</tr>\n");
        }
        out.write("</tbody>\n</table>\n");
    }

    /** @return the text with the characters HTML gives a meaning escaped */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** @return script text that cannot end its script element early (a "</" inside a string or the data) */
    static String script(String js) {
        return js.replace("</", "<\\/").replace("<!--", "<\\!--");
    }

    /** @return the version of ECharts on the classpath, as its WebJar states it */
    public static String echartsVersion() {
        try (InputStream in = HtmlPage.class.getClassLoader().getResourceAsStream(WEBJAR_VERSION)) {
            if (in == null) {
                throw new IllegalStateException("the ECharts WebJar (org.webjars.npm:echarts) is not on the classpath:"
                        + " the report needs it for its charts");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String echarts() {
        return read(HtmlPage.class.getClassLoader(), WEBJAR + echartsVersion() + "/dist/echarts.min.js");
    }

    private static String resource(String name) {
        return read(HtmlPage.class.getClassLoader(), "dev/custflow/insights/report/" + name);
    }

    private static String read(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
