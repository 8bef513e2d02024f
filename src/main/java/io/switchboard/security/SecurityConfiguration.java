package io.switchboard.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Browsers sign in with a form and keep a session (CSRF token in the XSRF-TOKEN cookie); scripts send
 * HTTP Basic on every request and need no CSRF token, since a browser never adds that header by itself.
 */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration implements WebMvcConfigurer {

    /** Hashes are stored as "{bcrypt}$2a$NN$..."; the cost NN travels with each hash, so verifying ignores the setting. */
    @Bean
    PasswordEncoder passwordEncoder(SecuritySettings settings) {
        return new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(settings.passwordHashStrength())));
    }

    /**
     * Spring Security would time every filter of every request, every authentication and every authorization as
     * observations of their own; http.server.requests already times each request as a whole. Turning them off by name
     * (management.observations.enable) made them no-ops but still wrapped each filter of each request in one: 1.5% of
     * the server's CPU at 100 incidents/s (bench README, twenty-third look). Off here, nothing is wrapped.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
        var problems = new ProblemResponses(json);
        AuthenticationEntryPoint unauthorized = problems::unauthorized;
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/login", "/logout").permitAll()
                        // Role rules by URL as well as on the controllers (@PreAuthorize): checked here, before the
                        // body is read, a caller whose role may not gets 403 whatever they sent, never a 400.
                        .requestMatchers("/api/users", "/api/import").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/customers", "/api/customers/*/systems", "/api/engineers")
                                .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.PATCH, "/api/engineers/*").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.PUT, "/api/engineers/*/status")
                                .hasAnyRole(Role.ADMIN.name(), Role.DISPATCHER.name())
                        .requestMatchers("/api/stats").hasAnyRole(Role.ADMIN.name(), Role.DISPATCHER.name())
                        .requestMatchers(HttpMethod.GET, "/api/customers", "/api/engineers")
                                .hasAnyRole(Role.ADMIN.name(), Role.DISPATCHER.name())
                        .requestMatchers("/api/engineers/search", "/api/engineers/recommend", "/api/engineers/suggest")
                                .hasAnyRole(Role.ADMIN.name(), Role.DISPATCHER.name())
                        .requestMatchers(HttpMethod.POST, "/api/incidents/*/assign", "/api/incidents/*/reroute",
                                "/api/incidents/*/broadcast")
                                .hasAnyRole(Role.ADMIN.name(), Role.DISPATCHER.name())
                        .requestMatchers(HttpMethod.POST, "/api/incidents/*/resolve")
                                .hasAnyRole(Role.ADMIN.name(), Role.DISPATCHER.name(), Role.ENGINEER.name())
                        .requestMatchers(HttpMethod.POST, "/api/incidents")
                                .hasAnyRole(Role.ADMIN.name(), Role.DISPATCHER.name(), Role.CUSTOMER.name())
                        .requestMatchers("/api/me/status", "/api/me/offers", "/api/offers/**").hasRole(Role.ENGINEER.name())
                        .requestMatchers("/api/me/schedule", "/api/me/schedule/**").hasRole(Role.ENGINEER.name())
                        .requestMatchers("/api/engineers/*/schedule", "/api/engineers/*/schedule/**", "/api/on-call")
                                .hasAnyRole(Role.ADMIN.name(), Role.DISPATCHER.name())
                        .requestMatchers("/api/**", "/ws", "/ws/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**").authenticated()
                        .anyRequest().permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler((request, response, authentication) ->
                                problems.json(response, HttpStatus.OK, CurrentUsers.of(authentication).orElseThrow()))
                        .failureHandler(problems::badCredentials))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessHandler(new org.springframework.security.web.authentication.logout
                                .HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .csrf(csrf -> csrf.spa()
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(unauthorized, request -> true)
                        .accessDeniedHandler(problems::forbidden));
        return http.build();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
    }

    /** Writes the CSRF cookie on every response so a single-page app always has a token to echo. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }

    /** Security's own answers, as problem details like every other error. */
    private record ProblemResponses(JsonMapper json) {

        void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            // Scripts get a Basic challenge; a browser's own requests get none, so it shows no login pop-up.
            if (request.getHeader("Sec-Fetch-Mode") == null && request.getHeader("X-Requested-With") == null) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Switchboard\"");
            }
            problem(response, HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign in, or send HTTP Basic credentials");
        }

        void badCredentials(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            problem(response, HttpStatus.UNAUTHORIZED, "Unauthorized", "Wrong username or password");
        }

        void forbidden(HttpServletRequest request, HttpServletResponse response,
                org.springframework.security.access.AccessDeniedException e) throws IOException {
            if (e instanceof CsrfException) {
                // The CSRF check runs before sign-in: a caller who sent no credentials at all is not signed in (401);
                // a signed-in browser session without a valid token is refused for that reason, not for its role.
                var authentication = SecurityContextHolder.getContext().getAuthentication();
                boolean signingInOrOut = request.getRequestURI().equals("/login") || request.getRequestURI().equals("/logout");
                if (!signingInOrOut && (authentication == null || !authentication.isAuthenticated()
                        || authentication instanceof AnonymousAuthenticationToken)) {
                    unauthorized(request, response, new InsufficientAuthenticationException("not signed in", e));
                } else {
                    problem(response, HttpStatus.FORBIDDEN, "Forbidden",
                            "Missing or invalid CSRF token: echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header");
                }
                return;
            }
            problem(response, HttpStatus.FORBIDDEN, "Forbidden", "Your role may not do this");
        }

        void problem(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), new Problem("about:blank", title, status.value(), detail));
        }

        void json(HttpServletResponse response, HttpStatus status, Object body) throws IOException {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), body);
        }
    }

    private record Problem(String type, String title, int status, String detail) {
    }

}
