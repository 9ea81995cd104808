package org.jointcall.gateway.console.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code Cache-Control: no-store} on the console's data and pages: what a signed-in user saw must not stay in the
 * browser (Back after signing out would show it again, from the back/forward cache too) or in a proxy. Static assets
 * carry no data and stay cacheable.
 */
@WebFilter(urlPatterns = {ConsoleAuthentication.API + "/*", "/console/*"}, asyncSupported = true)
public class NoStoreFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!ConsoleAuthentication.isPublicAsset(path)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
