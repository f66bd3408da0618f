package io.dukan.web.i18n;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * A store's time zone from its country, for countries with one zone in common use. Stores elsewhere (or in a
 * country with several zones not listed) see UTC until a zone setting exists.
 */
public final class Zones {

    private static final Map<String, String> BY_COUNTRY = Map.ofEntries(
            Map.entry("PK", "Asia/Karachi"),
            Map.entry("CN", "Asia/Shanghai"),
            Map.entry("IN", "Asia/Kolkata"),
            Map.entry("BD", "Asia/Dhaka"),
            Map.entry("AE", "Asia/Dubai"),
            Map.entry("SA", "Asia/Riyadh"),
            Map.entry("QA", "Asia/Qatar"),
            Map.entry("KW", "Asia/Kuwait"),
            Map.entry("BH", "Asia/Bahrain"),
            Map.entry("OM", "Asia/Muscat"),
            Map.entry("EG", "Africa/Cairo"),
            Map.entry("MA", "Africa/Casablanca"),
            Map.entry("DZ", "Africa/Algiers"),
            Map.entry("TN", "Africa/Tunis"),
            Map.entry("JO", "Asia/Amman"),
            Map.entry("LB", "Asia/Beirut"),
            Map.entry("IQ", "Asia/Baghdad"),
            Map.entry("TR", "Europe/Istanbul"),
            Map.entry("AF", "Asia/Kabul"),
            Map.entry("IR", "Asia/Tehran"),
            Map.entry("KZ", "Asia/Almaty"),
            Map.entry("UZ", "Asia/Tashkent"),
            Map.entry("KG", "Asia/Bishkek"),
            Map.entry("HK", "Asia/Hong_Kong"),
            Map.entry("TW", "Asia/Taipei"),
            Map.entry("SG", "Asia/Singapore"),
            Map.entry("MY", "Asia/Kuala_Lumpur"),
            Map.entry("JP", "Asia/Tokyo"),
            Map.entry("KR", "Asia/Seoul"),
            Map.entry("GB", "Europe/London"),
            Map.entry("IE", "Europe/Dublin"),
            Map.entry("FR", "Europe/Paris"),
            Map.entry("DE", "Europe/Berlin"),
            Map.entry("ES", "Europe/Madrid"),
            Map.entry("IT", "Europe/Rome"),
            Map.entry("NL", "Europe/Amsterdam"),
            Map.entry("BE", "Europe/Brussels"),
            Map.entry("PT", "Europe/Lisbon"),
            Map.entry("SE", "Europe/Stockholm"),
            Map.entry("PL", "Europe/Warsaw"),
            Map.entry("CH", "Europe/Zurich"),
            Map.entry("AT", "Europe/Vienna"),
            Map.entry("SN", "Africa/Dakar"),
            Map.entry("CI", "Africa/Abidjan"),
            Map.entry("NG", "Africa/Lagos"),
            Map.entry("KE", "Africa/Nairobi"),
            Map.entry("ZA", "Africa/Johannesburg"),
            Map.entry("AR", "America/Argentina/Buenos_Aires"),
            Map.entry("CO", "America/Bogota"),
            Map.entry("PE", "America/Lima"),
            Map.entry("CL", "America/Santiago"),
            Map.entry("NP", "Asia/Kathmandu"),
            Map.entry("LK", "Asia/Colombo"),
            Map.entry("ID", "Asia/Jakarta"),
            Map.entry("TH", "Asia/Bangkok"),
            Map.entry("VN", "Asia/Ho_Chi_Minh"),
            Map.entry("PH", "Asia/Manila"));

    private Zones() {}

    public static ZoneId forCountry(String country) {
        if (country == null) {
            return ZoneOffset.UTC;
        }
        String zone = BY_COUNTRY.get(country.trim().toUpperCase(Locale.ROOT));
        return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
    }
}
