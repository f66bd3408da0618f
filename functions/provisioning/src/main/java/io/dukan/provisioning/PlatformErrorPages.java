package io.dukan.provisioning;

import io.dukan.web.ErrorPageRenderer;
import io.dukan.web.Pages;
import io.dukan.web.Requests;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

@Singleton
class PlatformErrorPages implements ErrorPageRenderer {

    @Override
    public MutableHttpResponse<String> render(HttpRequest<?> request, HttpStatus status, String title, String message) {
        return Pages.error(status, title, message, Requests.stagePrefix(request) + "/");
    }
}
