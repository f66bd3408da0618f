package io.dukan.shop;

import java.util.Map;
import java.util.Set;

/**
 * The storefront's own words (not the owner's: product names and descriptions are shown as typed) in the languages
 * a store can choose. A missing word falls back to English. Arabic and Urdu pages are laid out right to left.
 */
final class ShopText {

    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "ur", "fa", "he");

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("search", "Search"),
            Map.entry("searchLabel", "Search this store"),
            Map.entry("results", "Results for “%s”"),
            Map.entry("searchHint", "Type a word from a product’s name, a tag or a SKU."),
            Map.entry("noResults", "Nothing found for “%s”."),
            Map.entry("collections", "Collections"),
            Map.entry("newest", "New in the store"),
            Map.entry("noProducts", "No products yet. Please come back soon."),
            Map.entry("emptyCollection", "Nothing on this shelf at the moment."),
            Map.entry("more", "More products"),
            Map.entry("soldOut", "Sold out"),
            Map.entry("inStock", "%d in stock"),
            Map.entry("toOrder", "Available to order"),
            Map.entry("from", "from %s"),
            Map.entry("was", "was %s"),
            Map.entry("choose", "Choose"),
            Map.entry("quantity", "Quantity"),
            Map.entry("addToCart", "Add to cart"),
            Map.entry("order", "Order"),
            Map.entry("name", "Your name"),
            Map.entry("phone", "Phone"),
            Map.entry("address", "Delivery address"),
            Map.entry("payment", "Payment"),
            Map.entry("cod", "Cash on delivery"),
            Map.entry("placeOrder", "Place order"),
            Map.entry("contact", "Contact"),
            Map.entry("whatsapp", "WhatsApp"));

    private static final Map<String, Map<String, String>> OTHERS = Map.of(
            "ur", Map.ofEntries(
                    Map.entry("search", "تلاش"),
                    Map.entry("searchLabel", "اس دکان میں تلاش کریں"),
                    Map.entry("results", "“%s” کے نتائج"),
                    Map.entry("searchHint", "پروڈکٹ کے نام، ٹیگ یا SKU کا کوئی لفظ لکھیں۔"),
                    Map.entry("noResults", "“%s” کے لیے کچھ نہیں ملا۔"),
                    Map.entry("collections", "مجموعے"),
                    Map.entry("newest", "دکان میں نیا"),
                    Map.entry("noProducts", "ابھی کوئی پروڈکٹ نہیں۔ جلد دوبارہ تشریف لائیں۔"),
                    Map.entry("emptyCollection", "اس وقت اس شیلف پر کچھ نہیں۔"),
                    Map.entry("more", "مزید پروڈکٹس"),
                    Map.entry("soldOut", "ختم ہو گیا"),
                    Map.entry("inStock", "%d اسٹاک میں"),
                    Map.entry("toOrder", "آرڈر پر دستیاب"),
                    Map.entry("from", "%s سے شروع"),
                    Map.entry("was", "پہلے %s"),
                    Map.entry("choose", "منتخب کریں"),
                    Map.entry("quantity", "تعداد"),
                    Map.entry("addToCart", "ٹوکری میں ڈالیں"),
                    Map.entry("order", "آرڈر"),
                    Map.entry("name", "آپ کا نام"),
                    Map.entry("phone", "فون"),
                    Map.entry("address", "ترسیل کا پتا"),
                    Map.entry("payment", "ادائیگی"),
                    Map.entry("cod", "ترسیل پر نقد ادائیگی"),
                    Map.entry("placeOrder", "آرڈر دیں"),
                    Map.entry("contact", "رابطہ"),
                    Map.entry("whatsapp", "واٹس ایپ")),
            "ar", Map.ofEntries(
                    Map.entry("search", "بحث"),
                    Map.entry("searchLabel", "ابحث في هذا المتجر"),
                    Map.entry("results", "نتائج “%s”"),
                    Map.entry("searchHint", "اكتب كلمة من اسم المنتج أو وسم أو رمز SKU."),
                    Map.entry("noResults", "لم يُعثر على شيء لـ “%s”."),
                    Map.entry("collections", "المجموعات"),
                    Map.entry("newest", "جديد المتجر"),
                    Map.entry("noProducts", "لا توجد منتجات بعد. عُد قريبًا."),
                    Map.entry("emptyCollection", "لا شيء على هذا الرف حاليًا."),
                    Map.entry("more", "المزيد من المنتجات"),
                    Map.entry("soldOut", "نفدت الكمية"),
                    Map.entry("inStock", "%d متوفر"),
                    Map.entry("toOrder", "متوفر للطلب"),
                    Map.entry("from", "ابتداءً من %s"),
                    Map.entry("was", "كان %s"),
                    Map.entry("choose", "اختر"),
                    Map.entry("quantity", "الكمية"),
                    Map.entry("addToCart", "أضف إلى السلة"),
                    Map.entry("order", "الطلب"),
                    Map.entry("name", "اسمك"),
                    Map.entry("phone", "الهاتف"),
                    Map.entry("address", "عنوان التوصيل"),
                    Map.entry("payment", "الدفع"),
                    Map.entry("cod", "الدفع عند الاستلام"),
                    Map.entry("placeOrder", "أرسل الطلب"),
                    Map.entry("contact", "اتصل بنا"),
                    Map.entry("whatsapp", "واتساب")),
            "zh", Map.ofEntries(
                    Map.entry("search", "搜索"),
                    Map.entry("searchLabel", "在本店搜索"),
                    Map.entry("results", "“%s”的搜索结果"),
                    Map.entry("searchHint", "输入商品名称、标签或 SKU 中的词。"),
                    Map.entry("noResults", "没有找到“%s”。"),
                    Map.entry("collections", "商品系列"),
                    Map.entry("newest", "新品"),
                    Map.entry("noProducts", "暂无商品，请稍后再来。"),
                    Map.entry("emptyCollection", "此系列暂时没有商品。"),
                    Map.entry("more", "更多商品"),
                    Map.entry("soldOut", "已售罄"),
                    Map.entry("inStock", "库存 %d 件"),
                    Map.entry("toOrder", "可预订"),
                    Map.entry("from", "%s 起"),
                    Map.entry("was", "原价 %s"),
                    Map.entry("choose", "请选择"),
                    Map.entry("quantity", "数量"),
                    Map.entry("addToCart", "加入购物车"),
                    Map.entry("order", "下单"),
                    Map.entry("name", "您的姓名"),
                    Map.entry("phone", "电话"),
                    Map.entry("address", "收货地址"),
                    Map.entry("payment", "付款方式"),
                    Map.entry("cod", "货到付款"),
                    Map.entry("placeOrder", "提交订单"),
                    Map.entry("contact", "联系我们"),
                    Map.entry("whatsapp", "WhatsApp")),
            "fr", Map.ofEntries(
                    Map.entry("search", "Rechercher"),
                    Map.entry("searchLabel", "Rechercher dans la boutique"),
                    Map.entry("results", "Résultats pour « %s »"),
                    Map.entry("searchHint", "Saisissez un mot du nom d’un produit, une étiquette ou une référence."),
                    Map.entry("noResults", "Aucun résultat pour « %s »."),
                    Map.entry("collections", "Collections"),
                    Map.entry("newest", "Nouveautés"),
                    Map.entry("noProducts", "Aucun produit pour l’instant. Revenez bientôt."),
                    Map.entry("emptyCollection", "Rien dans cette collection pour le moment."),
                    Map.entry("more", "Plus de produits"),
                    Map.entry("soldOut", "Épuisé"),
                    Map.entry("inStock", "%d en stock"),
                    Map.entry("toOrder", "Disponible sur commande"),
                    Map.entry("from", "à partir de %s"),
                    Map.entry("was", "au lieu de %s"),
                    Map.entry("choose", "Choisir"),
                    Map.entry("quantity", "Quantité"),
                    Map.entry("addToCart", "Ajouter au panier"),
                    Map.entry("order", "Commander"),
                    Map.entry("name", "Votre nom"),
                    Map.entry("phone", "Téléphone"),
                    Map.entry("address", "Adresse de livraison"),
                    Map.entry("payment", "Paiement"),
                    Map.entry("cod", "Paiement à la livraison"),
                    Map.entry("placeOrder", "Passer la commande"),
                    Map.entry("contact", "Contact"),
                    Map.entry("whatsapp", "WhatsApp")),
            "es", Map.ofEntries(
                    Map.entry("search", "Buscar"),
                    Map.entry("searchLabel", "Buscar en esta tienda"),
                    Map.entry("results", "Resultados para «%s»"),
                    Map.entry("searchHint", "Escribe una palabra del nombre de un producto, una etiqueta o un SKU."),
                    Map.entry("noResults", "No se encontró nada para «%s»."),
                    Map.entry("collections", "Colecciones"),
                    Map.entry("newest", "Novedades"),
                    Map.entry("noProducts", "Aún no hay productos. Vuelve pronto."),
                    Map.entry("emptyCollection", "No hay nada en esta colección por ahora."),
                    Map.entry("more", "Más productos"),
                    Map.entry("soldOut", "Agotado"),
                    Map.entry("inStock", "%d disponibles"),
                    Map.entry("toOrder", "Disponible por encargo"),
                    Map.entry("from", "desde %s"),
                    Map.entry("was", "antes %s"),
                    Map.entry("choose", "Elige"),
                    Map.entry("quantity", "Cantidad"),
                    Map.entry("addToCart", "Añadir al carrito"),
                    Map.entry("order", "Pedido"),
                    Map.entry("name", "Tu nombre"),
                    Map.entry("phone", "Teléfono"),
                    Map.entry("address", "Dirección de entrega"),
                    Map.entry("payment", "Pago"),
                    Map.entry("cod", "Pago contra entrega"),
                    Map.entry("placeOrder", "Hacer el pedido"),
                    Map.entry("contact", "Contacto"),
                    Map.entry("whatsapp", "WhatsApp")));

    private final String language;
    private final Map<String, String> words;

    private ShopText(String language) {
        this.language = language;
        this.words = OTHERS.getOrDefault(language, EN);
    }

    static ShopText of(String language) {
        return new ShopText(language == null ? "en" : language);
    }

    /** The word, unescaped (callers escape what they output). */
    String t(String key) {
        String word = words.get(key);
        return word != null ? word : EN.get(key);
    }

    String t(String key, Object arg) {
        return String.format(java.util.Locale.ROOT, t(key), arg);
    }

    String dir() {
        return RIGHT_TO_LEFT.contains(language) ? "rtl" : "ltr";
    }

    /** Every language has every English key (so a translation is never silently half-done). */
    static Set<String> missing(String language) {
        Map<String, String> w = OTHERS.getOrDefault(language, EN);
        return EN.keySet().stream().filter(k -> !w.containsKey(k)).collect(java.util.stream.Collectors.toSet());
    }
}
