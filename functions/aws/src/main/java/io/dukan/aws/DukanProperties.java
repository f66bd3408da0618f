package io.dukan.aws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Where the function's data lives and how to reach AWS. On Lambda these come from environment variables
 * (DUKAN_TABLE → dukan.table); the local cloud sets them per function instance.
 */
@ConfigurationProperties("dukan")
public class DukanProperties {

    private String table;
    private String bucket;

    @Nullable
    private String region;

    @Nullable
    private String s3PublicEndpoint;

    @Nullable
    private String mediaUrl;

    @Nullable
    private String accessKeyId;

    @Nullable
    private String secretAccessKey;

    private final Endpoints endpoints;

    public DukanProperties(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    @ConfigurationProperties("endpoints")
    public static class Endpoints {
        @Nullable
        private String dynamodb;

        @Nullable
        private String s3;

        @Nullable
        private String ses;

        public @Nullable String getDynamodb() {
            return dynamodb;
        }

        public void setDynamodb(@Nullable String dynamodb) {
            this.dynamodb = dynamodb;
        }

        public @Nullable String getS3() {
            return s3;
        }

        public void setS3(@Nullable String s3) {
            this.s3 = s3;
        }

        public @Nullable String getSes() {
            return ses;
        }

        public void setSes(@Nullable String ses) {
            this.ses = ses;
        }
    }

    public String getTable() {
        return table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public @Nullable String getRegion() {
        return region;
    }

    public void setRegion(@Nullable String region) {
        this.region = region;
    }

    /** Base URL that browser-facing presigned URLs point at (path-style), when it differs from the SDK's. */
    public @Nullable String getS3PublicEndpoint() {
        return s3PublicEndpoint;
    }

    public void setS3PublicEndpoint(@Nullable String s3PublicEndpoint) {
        this.s3PublicEndpoint = s3PublicEndpoint;
    }

    /**
     * The public address of media renditions (dukan.media-url, env DUKAN_MEDIA_URL): the CDN in front of the media
     * bucket on AWS, {base}/_media locally; a rendition's URL is this + "/" + its key. Unset: presigned URLs.
     */
    public @Nullable String getMediaUrl() {
        return mediaUrl;
    }

    public void setMediaUrl(@Nullable String mediaUrl) {
        this.mediaUrl = mediaUrl;
    }

    /**
     * The media address as a base to append "/" + key to: without trailing slashes, or null when unset; anything but
     * an http(s) URL without query or fragment is refused at start.
     */
    public @Nullable String mediaBaseUrl() {
        if (mediaUrl == null || mediaUrl.isBlank()) {
            return null;
        }
        String url = mediaUrl.strip().replaceAll("/+$", "");
        java.net.URI parsed = java.net.URI.create(url);
        if (!("https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme()))
                || parsed.getHost() == null
                || parsed.getRawQuery() != null
                || parsed.getRawFragment() != null) {
            throw new IllegalStateException(
                    "dukan.media-url (env DUKAN_MEDIA_URL) must be an http(s) base URL, got " + mediaUrl);
        }
        return url;
    }

    public @Nullable String getAccessKeyId() {
        return accessKeyId;
    }

    public void setAccessKeyId(@Nullable String accessKeyId) {
        this.accessKeyId = accessKeyId;
    }

    public @Nullable String getSecretAccessKey() {
        return secretAccessKey;
    }

    public void setSecretAccessKey(@Nullable String secretAccessKey) {
        this.secretAccessKey = secretAccessKey;
    }

    public Endpoints getEndpoints() {
        return endpoints;
    }
}
