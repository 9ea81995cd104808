package org.jointcall.gateway.console.api;

/** The body of a resolution or a reopening: why, in the user's words. */
public record Comment(String comment) {

    /** The comment, present and not too long, or a 400 problem. */
    String required() {
        return Requests.requiredText(comment, "comment", 2000);
    }
}
