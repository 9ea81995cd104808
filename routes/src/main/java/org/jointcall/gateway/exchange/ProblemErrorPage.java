package org.jointcall.gateway.exchange;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

/**
 * The error page (web.xml) for what the container answers by itself — a path nothing serves, a method a
 * route does not take, an exception no route caught: an RFC 9457 problem document like every other refusal
 * of the API, where Payara would write an HTML page a partner's system cannot read. Refusals the routes and
 * resources write themselves never come here.
 */
@WebServlet(urlPatterns = ProblemErrorPage.PATH)
public class ProblemErrorPage extends HttpServlet {

    static final String PATH = "/problem-error";
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
        String path = uri instanceof String text ? text : request.getRequestURI();
        Problem problem = problem(status, request.getMethod(), path, response.getHeader("Allow")).at(path);
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.getOutputStream().write(ProblemResponse.json(problem));
    }

    /**
     * The problem for a refusal the container or Jakarta REST made before any of the gateway's code ran ({@code allowed}: the
     * {@code Allow} header, if any); the console API's {@code UnexpectedFailures} answers Jakarta REST's refusals with it too.
     */
    public static Problem problem(int status, String method, String path, String allowed) {
        String request = method + " " + path;
        return switch (status) {
            case HttpServletResponse.SC_NOT_FOUND -> Problem.of(ProblemType.NOT_FOUND, "nothing answers " + request
                    + "; the partner API is under /api/v1/exchange and the console's under /api/v1/console (see /openapi)");
            case HttpServletResponse.SC_METHOD_NOT_ALLOWED -> Problem.of(ProblemType.METHOD_NOT_ALLOWED, request + " is not served"
                    + (allowed == null || allowed.isBlank() ? "" : "; " + path + " takes " + allowed));
            case HttpServletResponse.SC_INTERNAL_SERVER_ERROR -> Problem.of(ProblemType.INTERNAL_ERROR, request
                    + " failed inside the gateway; its log says why");
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield new Problem(ProblemType.HTTP_ERROR.slug(), ProblemType.HTTP_ERROR.title(),
                        status < 400 || status > 599 ? 500 : status,
                        request + " was answered " + status + (known == null ? "" : " " + known.getReasonPhrase()), null, Map.of());
            }
        };
    }
}
