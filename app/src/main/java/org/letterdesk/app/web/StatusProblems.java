package org.letterdesk.app.web;

import org.letterdesk.problem.ProblemCode;

/**
 * The problem for a bare HTTP status that a layer below the application chose (Tomcat, the servlet error page,
 * the security firewall). A status without a code of its own becomes the nearest one: a refusal of the request
 * itself (414 URI too long, 505 version not supported, …) is 400 MALFORMED_REQUEST, anything else on the server's
 * side 500 INTERNAL_ERROR; the answer then carries that code's status, so status and code always agree.
 */
final class StatusProblems {

    private StatusProblems() {
    }

    static ProblemCode codeFor(int status) {
        return switch (status) {
            case 400 -> ProblemCode.MALFORMED_REQUEST;
            case 401 -> ProblemCode.UNAUTHENTICATED;
            case 403 -> ProblemCode.FORBIDDEN;
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCode.NOT_ACCEPTABLE;
            case 413 -> ProblemCode.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            case 501 -> ProblemCode.METHOD_NOT_IMPLEMENTED;
            case 505 -> ProblemCode.MALFORMED_REQUEST;
            default -> status >= 400 && status < 500 ? ProblemCode.MALFORMED_REQUEST : ProblemCode.INTERNAL_ERROR;
        };
    }

    static String detailFor(ProblemCode code) {
        return switch (code) {
            case MALFORMED_REQUEST -> "The request is not well-formed HTTP, or its URL holds characters or "
                    + "sequences that are refused (encoded slashes or backslashes, ';', '%25', '//', '.' segments)";
            case UNAUTHENTICATED -> "Credentials are required (HTTP Basic)";
            case FORBIDDEN -> "Your role may not do this";
            case NOT_FOUND -> "No such resource";
            case METHOD_NOT_ALLOWED -> "That method is not supported here";
            case METHOD_NOT_IMPLEMENTED -> "That request method is not implemented by this server";
            case NOT_ACCEPTABLE -> "That representation is not available";
            case PAYLOAD_TOO_LARGE -> "The request is too large";
            case UNSUPPORTED_MEDIA_TYPE -> "That media type is not supported here";
            default -> "An unexpected error occurred";
        };
    }
}
