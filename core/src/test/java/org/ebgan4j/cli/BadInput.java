package org.ebgan4j.cli;

import java.util.List;

/**
 * One entry of the bad-input catalogue: a command line that must be refused.
 *
 * @param group what kind of input is bad (data files, sample files, mixture files, CLI values, run folders, checkpoints)
 * @param name what is wrong with it, in a few words
 * @param code the exit code it must give: 2 for bad input, 1 for a fault of the system
 * @param mentions a piece of the one-line message (case-insensitive): the value, file or option at fault
 * @param args the command line, after {@code ebgan}
 */
record BadInput(String group, String name, int code, String mentions, List<String> args) {

    static BadInput of(String group, String name, String mentions, String... args) {
        return new BadInput(group, name, 2, mentions, List.of(args));
    }

    /** The same case expected to exit with {@code code}. */
    BadInput exiting(int code) {
        return new BadInput(group, name, code, mentions, args);
    }

    @Override
    public String toString() {
        return group + ": " + name;
    }
}
