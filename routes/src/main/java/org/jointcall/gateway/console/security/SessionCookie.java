package org.jointcall.gateway.console.security;

import java.util.Set;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The console's session cookie: HttpOnly (scripts cannot read it), SameSite=Strict (other sites'
 * requests do not carry it) and Secure (HTTPS only) unless {@code gateway.console.secure-cookie=false}
 * for plain-HTTP development. Set while the web application starts, the last moment the Servlet API
 * allows it; Servlet 6's {@code setAttribute} carries SameSite.
 */
@WebListener
public class SessionCookie implements ServletContextListener {

    public static final String NAME = "JSESSIONID";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean secure = ConfigProvider.getConfig().getOptionalValue("gateway.console.secure-cookie", Boolean.class).orElse(true);
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setName(NAME);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setPath("/");
        cookie.setAttribute("SameSite", "Strict");
        // Never a session id in a URL, where logs and Referer headers would carry it.
        event.getServletContext().setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
    }
}
