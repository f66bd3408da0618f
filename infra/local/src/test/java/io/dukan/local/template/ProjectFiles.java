package io.dukan.local.template;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's template.yaml is: the surefire-set dukan.project.root, else the nearest folder above. */
final class ProjectFiles {

    private ProjectFiles() {}

    static Path root() {
        String configured = System.getProperty("dukan.project.root");
        if (configured != null
                && !configured.isBlank()
                && Files.isRegularFile(Path.of(configured).resolve("template.yaml"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml in " + Path.of("").toAbsolutePath() + " or above"
                + " (and dukan.project.root=" + configured + ")");
    }

    static Path template() {
        return root().resolve("template.yaml");
    }
}
