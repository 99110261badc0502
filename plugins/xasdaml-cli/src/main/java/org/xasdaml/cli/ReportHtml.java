package org.xasdaml.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The HTML pieces of the run report: escaping, numbers at a readable precision, embedded figures,
 * relative links, and CSV previews that split fields as RFC 4180 says (a quoted field keeps its
 * commas, so a filter rule "CN_JmolNN in [2, 12]" stays one cell).
 */
final class ReportHtml {
    private ReportHtml() {
    }

    /**
     * The first rows of a CSV file as an HTML table. Fields are split as RFC 4180 says: a field in
     * double quotes may hold commas, quotes (doubled) and line breaks.
     */
    static String preview(Path csv, int rows, int columns) throws IOException {
        List<List<String>> recs = parseCsv(Files.readString(csv, StandardCharsets.UTF_8), rows + 1);
        if (recs.isEmpty()) {
            return "";
        }
        StringBuilder h = new StringBuilder("<div style=\"overflow-x:auto\"><table><tr>");
        List<String> head = recs.get(0);
        for (int i = 0; i < Math.min(head.size(), columns); i++) {
            h.append("<th>").append(esc(head.get(i))).append("</th>");
        }
        h.append(head.size() > columns ? "<th>…</th>" : "").append("</tr>\n");
        for (List<String> r : recs.subList(1, recs.size())) {
            h.append("<tr>");
            for (int i = 0; i < Math.min(r.size(), columns); i++) {
                String v = r.get(i);
                boolean number = isNumber(v);
                h.append(number ? "<td>" : "<td class=\"t\">").append(esc(number ? num(Double.parseDouble(v)) : v)).append("</td>");
            }
            h.append(r.size() > columns ? "<td>…</td>" : "").append("</tr>\n");
        }
        return h.append("</table></div>\n").toString();
    }

    /** Records of a CSV text (RFC 4180 quoting), at most {@code max}. */
    static List<List<String>> parseCsv(String text, int max) {
        List<List<String>> out = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length() && out.size() < max; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                rec.add(f.toString());
                f.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || f.length() > 0) {
                    rec.add(f.toString());
                    out.add(rec);
                }
                rec = new ArrayList<>();
                f.setLength(0);
                any = false;
            } else {
                f.append(c);
                any = true;
            }
        }
        if (out.size() < max && (any || f.length() > 0)) {
            rec.add(f.toString());
            out.add(rec);
        }
        return out;
    }

    static boolean isNumber(String v) {
        if (v.isEmpty()) {
            return false;
        }
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A number with sensible precision: 4 significant digits, whole numbers as they are. */
    static String num(double d) {
        if (!Double.isFinite(d)) {
            return Double.isNaN(d) ? "–" : d > 0 ? "∞" : "−∞";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e9) {
            return String.format(Locale.ROOT, "%d", (long) d).replace('-', '−');
        }
        double a = Math.abs(d);
        String s = a >= 1e5 || a < 1e-3 ? String.format(Locale.ROOT, "%.3e", d) : String.format(Locale.ROOT, "%.4g", d);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.replace('-', '−');
    }

    static String num(Object o) {
        return o instanceof Number n ? num(n.doubleValue()) : o == null ? "–" : esc(o.toString());
    }

    static void figure(StringBuilder h, byte[] png, String caption, int width) {
        h.append("<figure><img width=\"").append(width).append("\" alt=\"").append(esc(caption)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption style=\"max-width:").append(width).append("px\">")
                .append(esc(caption)).append("</figcaption></figure>\n");
    }

    static String rel(Path runDir, Path f) {
        return runDir.relativize(f).toString().replace('\\', '/').replace(" ", "%20");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
