package no.samkost.common;

/**
 * A form body the framework could not parse before any of our code ran: a bad %-escape, more
 * fields than the parser takes, a broken or cut-off multipart body. That is the caller's error
 * (400), and its message holds what was typed (a recipient's ref, an auditor's remark), so it is
 * never logged. Recognised by where it was thrown: RESTEasy Reactive's form and multipart parsing,
 * with no frame of ours above it.
 */
final class MalformedForms {

    private static final String MULTIPART = "org.jboss.resteasy.reactive.server.core.multipart.";
    private static final String FORM_BODY_HANDLER = "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler";

    private MalformedForms() {}

    static boolean isMalformedForm(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String type = frame.getClassName();
                if (type.startsWith("no.samkost.")) {
                    return false;
                }
                if (type.startsWith(MULTIPART) || type.startsWith(FORM_BODY_HANDLER)) {
                    return true;
                }
            }
        }
        return false;
    }
}
