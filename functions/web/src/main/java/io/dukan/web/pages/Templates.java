package io.dukan.web.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * Renders a module's precompiled jte templates (built from {@code src/main/jte} by the jte Maven plugin, so no
 * template is compiled at a cold start). {@link ContentType#Html} escapes every {@code ${…}} for where it stands
 * (text, attribute, URL, script): escaping is the engine's job, not each caller's. One instance per module, made
 * with the module's generated package (e.g. {@code io.dukan.shop.pages}).
 */
public final class Templates {

    private final TemplateEngine engine;

    public Templates(String packageName) {
        this.engine =
                TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), packageName);
    }

    /** Renders {@code name} (e.g. {@code "cart.jte"}) with named parameters, as the template's @params declare. */
    public String render(String name, Map<String, Object> params) {
        StringOutput out = new StringOutput(8192);
        engine.render(name, params, out);
        return out.toString();
    }

    /** Renders a template whose single @param is {@code model}. */
    public String render(String name, Object model) {
        StringOutput out = new StringOutput(8192);
        engine.render(name, model, out);
        return out.toString();
    }
}
