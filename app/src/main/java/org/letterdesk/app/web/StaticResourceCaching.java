package org.letterdesk.app.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * How browsers may keep the console's static files. Without a Cache-Control of their own, the security filter
 * chain marked them {@code no-store}, so every page load fetched and compiled the chart library (1 MB) and every
 * module again. A webjar's path names its version, so its files never change under that path: a year, immutable.
 * The console's own files keep their paths across releases: {@code no-cache} (application.yml), revalidated by
 * Last-Modified on each load, answered 304 while unchanged. API answers are unaffected (they stay no-store).
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceCaching implements WebMvcConfigurer {

    static final Duration VERSIONED = Duration.ofDays(365);

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Registered here, Spring Boot's own /webjars/** handler (without caching) is not added.
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(VERSIONED).cachePublic().immutable());
    }
}
