package org.stimtrial.web.problem;

/** Short titles for the HTTP statuses the error page answers with. */
final class HttpStatusTitles {
    private HttpStatusTitles() {
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Login required";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request body too large";
            case 500 -> "Internal error";
            default -> "HTTP " + status;
        };
    }
}
