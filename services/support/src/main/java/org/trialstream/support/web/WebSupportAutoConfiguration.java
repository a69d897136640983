package org.trialstream.support.web;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Request ids, the body size limit, and problem+json for every error of every service: from controllers
 * ({@link TrialExceptionHandler}), from the error page ({@link ProblemErrorController}) and from Tomcat itself
 * ({@link ProblemErrorReportValve}).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
public class WebSupportAutoConfiguration {

    /** Recorded times come from this clock, always UTC; tests replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProblemWriter problemWriter(ObjectMapper objectMapper) {
        return new ProblemWriter(objectMapper);
    }

    /** Before security, so that even a refused request has an id to quote. */
    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Before security too: an oversized body is refused before a token is even checked. */
    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(@Value("${trial.web.max-body:64KB}") DataSize maxBody,
                                                        ProblemWriter problems) {
        FilterRegistrationBean<BodySizeLimit> registration =
                new FilterRegistrationBean<>(new BodySizeLimit(maxBody.toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    TrialExceptionHandler trialExceptionHandler() {
        return new TrialExceptionHandler();
    }

    @Bean
    ProblemErrorController problemErrorController(ErrorAttributes errorAttributes, ServerProperties server,
                                                  ProblemWriter problems) {
        return new ProblemErrorController(errorAttributes, server.getError(), problems);
    }

    @Bean
    @ConditionalOnClass(StandardHost.class)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
