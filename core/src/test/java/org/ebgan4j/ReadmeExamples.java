package org.ebgan4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The README's Java examples and the test code they are copies of. */
public final class ReadmeExamples {

    private ReadmeExamples() {}

    /** The lines of a test source file between two marker lines, without the indentation of the first. */
    public static List<String> region(Path source, String begin, String end) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int from = -1;
        int to = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(begin) && from < 0) {
                from = i;
            } else if (lines.get(i).strip().equals(end)) {
                to = i;
            }
        }
        List<String> region = lines.subList(from + 1, to);
        int indent = region.get(0).length() - region.get(0).stripLeading().length();
        return region.stream().map(l -> l.length() >= indent ? l.substring(indent) : l.strip()).toList();
    }

    /** The first {@code ```java} block after the README line {@code heading}; empty when there is no such heading. */
    public static List<String> javaBlockAfter(String heading) throws IOException {
        // The README sits at the project's root, one level above this module.
        Path file = Files.isRegularFile(Path.of("README.md")) ? Path.of("README.md") : Path.of("..", "README.md");
        List<String> readme = Files.readAllLines(file);
        int section = readme.indexOf(heading);
        if (section < 0) {
            return List.of();
        }
        int open = readme.subList(section, readme.size()).indexOf("```java") + section;
        int close = readme.subList(open + 1, readme.size()).indexOf("```") + open + 1;
        return readme.subList(open + 1, close);
    }
}
