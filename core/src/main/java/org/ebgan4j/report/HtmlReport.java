package org.ebgan4j.report;

import org.ebgan4j.io.AtomicFiles;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * One self-contained HTML page: styles, script and every picture (PNG as a {@code data:} URI) inside
 * the file, so that it opens anywhere without a network or the files beside it. Tables marked sortable
 * sort by a column on a click on its header (numbers as numbers, empty cells last), or on opening a link ending in
 * {@code #sort=TABLE:COLUMN} ({@code :desc} for largest first). The page's script records what it
 * saw on {@code <body>}: {@code data-ready}, the images decoded ({@code data-images-ok} of
 * {@code data-images}) and script errors in {@code #script-errors}, for a headless browser to check.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;max-width:1200px;color:#222;padding:0 1em}
            h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}
            table{border-collapse:collapse;margin:.5em 0;font-size:.9em}th,td{border:1px solid #ccc;padding:.25em .6em}
            th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
            table.sortable th{cursor:pointer}table.sortable th:after{content:" \\2195";color:#aaa}
            figure{display:inline-block;margin:.5em;vertical-align:top}figcaption{font-size:.85em;color:#555;max-width:600px}
            img{max-width:100%;image-rendering:pixelated;border:1px solid #eee}pre{background:#f7f7f7;padding:.8em;overflow:auto;font-size:.8em}
            .muted{color:#777}#script-errors:empty{display:none}#script-errors{color:#b00}
            """;

    private static final String SCRIPT = """
            (function(){
              var errors=[];
              window.addEventListener('error',function(e){errors.push(String(e.message));
                var box=document.getElementById('script-errors');if(box){box.textContent=errors.join('\\n');}});
              function key(text){var v=parseFloat(text);return isNaN(v)||!/^\\s*[-+]?[0-9.]/.test(text)?null:v;}
              function sortBy(table,col,th){
                var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
                var asc=th.getAttribute('data-order')!=='asc';
                rows.sort(function(a,b){var x=a.cells[col].textContent.trim(),y=b.cells[col].textContent.trim(),kx=key(x),ky=key(y);
                  if(!x||!y){return x?-1:(y?1:0);}
                  var c=(kx!==null&&ky!==null)?kx-ky:(kx!==null?-1:(ky!==null?1:x.localeCompare(y)));return asc?c:-c;});
                rows.forEach(function(r){body.appendChild(r);});
                Array.prototype.forEach.call(table.tHead.rows[0].cells,function(h){h.removeAttribute('data-order');});
                th.setAttribute('data-order',asc?'asc':'desc');
              }
              document.addEventListener('DOMContentLoaded',function(){
                Array.prototype.forEach.call(document.querySelectorAll('table.sortable'),function(t){
                  Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,i){
                    th.addEventListener('click',function(){sortBy(t,i,th);});});});
                var m=/^#sort=([\\w-]+):(\\d+)(:desc)?$/.exec(location.hash);
                if(m){var t=document.getElementById(m[1]);if(t&&t.tHead){var th=t.tHead.rows[0].cells[+m[2]];
                  if(m[3]){th.setAttribute('data-order','asc');}sortBy(t,+m[2],th);}}
              });
              window.addEventListener('load',function(){
                var imgs=document.images,ok=0;
                for(var i=0;i<imgs.length;i++){if(imgs[i].complete&&imgs[i].naturalWidth>0){ok++;}}
                document.body.setAttribute('data-images',String(imgs.length));
                document.body.setAttribute('data-images-ok',String(ok));
                document.body.setAttribute('data-errors',String(errors.length));
                document.body.setAttribute('data-ready','true');
              });
            })();
            """;

    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlReport(String title) {
        this.title = title;
        body.append("<h1>").append(escape(title)).append("</h1>\n");
    }

    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    public HtmlReport muted(String text) {
        body.append("<p class=\"muted\">").append(escape(text)).append("</p>\n");
        return this;
    }

    public HtmlReport preformatted(String text) {
        body.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    /** A PNG file, embedded, with a caption; nothing when the file is missing. */
    public HtmlReport image(Path png, String caption) throws IOException {
        if (Files.isRegularFile(png)) {
            figure(Files.readAllBytes(png), caption);
        }
        return this;
    }

    /** A rendered picture, embedded as PNG. */
    public HtmlReport image(BufferedImage image, String caption) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return figure(out.toByteArray(), caption);
    }

    private HtmlReport figure(byte[] png, String caption) {
        body.append("<figure><img alt=\"").append(escape(caption)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(escape(caption))
                .append("</figcaption></figure>\n");
        return this;
    }

    /**
     * A table; cells that read as numbers are right-aligned.
     *
     * @param id the table's element id, for tests and links
     */
    public HtmlReport table(String id, List<String> headers, List<List<String>> rows, boolean sortable) {
        body.append("<table id=\"").append(escape(id)).append("\"").append(sortable ? " class=\"sortable\"" : "").append("><thead><tr>");
        for (String h : headers) {
            body.append("<th>").append(escape(h)).append("</th>");
        }
        body.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (String cell : row) {
                boolean number = cell != null && cell.matches("\\s*[-+]?[0-9.]+(e[-+]?[0-9]+)?\\s*");
                body.append(number ? "<td class=\"n\">" : "<td>").append(escape(cell == null ? "" : cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table>\n");
        return this;
    }

    /** The whole page. */
    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title>\n<meta name=\"generator\" content=\"ebgan4j\">\n<style>" + STYLE + "</style>\n<script>" + SCRIPT
                + "</script></head>\n<body>\n<div id=\"script-errors\"></div>\n" + body + "</body></html>\n";
    }

    /** Writes the page atomically. */
    public Path write(Path file) throws IOException {
        byte[] bytes = html().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
        return file;
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
