package io.switchboard.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

import io.switchboard.search.Certification;
import io.switchboard.search.IndexedEngineer;
import io.switchboard.search.IndexedIncident;
import io.switchboard.search.KnownSystem;

/** The index schema: field names and how engineers and resolved incidents become documents. */
final class Fields {

    /** Bump when the schema changes: an index with another version is rebuilt. */
    static final String SCHEMA_VERSION = "3";

    static final String TYPE = "type";
    static final String TYPE_ENGINEER = "engineer";
    static final String TYPE_INCIDENT = "incident";

    // engineers
    static final String ENG_ID = "eng_id";
    static final String ENG_ID_DV = "eng_id_dv";
    static final String ENG_CARD = "eng_card";
    static final String NAME = "name";
    static final String SKILLS = "skills";
    static final String SKILL_KW = "skill_kw";
    static final String SKILL_FACET = "skill_facet";
    static final String CERTS = "certs";
    static final String CERT_EXPIRES = "cert_expires";
    static final String CERT_EXPIRES_POINT = "cert_expires_pt";
    static final String CERT_VALID_TERMS = "certx";
    static final String SYSTEM_ID = "system_id";
    static final String SYSTEM_FACET = "system_facet";
    static final String SYSTEM_NAME = "system_name";
    static final String SYSTEM_STORED = "system_stored";
    static final String PRODUCT = "product";
    static final String PRODUCT_TEXT = "product_text";
    static final String VERSION = "version";
    static final String SITE = "site";
    static final String SYSTEM_LEVEL = "sys_level";
    static final String PRODUCT_LEVEL = "prod_level";
    static final String BASE = "base";
    static final String LANG = "lang";
    static final String STATUS = "status";
    static final String STATUS_DV = "status_dv";
    static final String PROFILE = "profile";
    static final String PROFILE_CODES = "profile_codes";
    static final String SUGGEST_ENGINEER = "sg_engineer";
    static final String SUGGEST_SKILL = "sg_skill";
    static final String SUGGEST_SYSTEM = "sg_system";

    // resolved incidents
    static final String INC_ID = "inc_id";
    static final String INC_SYSTEM = "inc_system";
    static final String INC_SYSTEM_DV = "inc_system_dv";
    static final String INC_SYSTEM_NAME_DV = "inc_system_name_dv";
    static final String INC_PRODUCT = "inc_product";
    static final String INC_TITLE = "inc_title";
    static final String INC_TEXT = "inc_text";
    static final String INC_CODES = "inc_codes";
    static final String RESOLVER = "resolver";
    static final String RESOLVER_DV = "resolver_dv";
    static final String RESOLVED_AT = "resolved_at";

    static final List<String> CODE_FIELDS = List.of(PRODUCT, VERSION);
    static final List<String> KEYWORD_FIELDS = List.of(ENG_ID, SKILL_KW, SYSTEM_ID, STATUS, LANG, INC_ID, INC_SYSTEM,
            INC_PRODUCT, RESOLVER);

    /** Fields a dispatcher's hit is highlighted on (stored). */
    static final String[] HIGHLIGHT_FIELDS = {NAME, SKILLS, CERTS, SYSTEM_NAME, PRODUCT};

    /**
     * Stored text with offsets in the postings, so the highlighter reads where a word matched instead of analysing
     * each hit's fields into an in-memory index per request.
     */
    private static final FieldType HIGHLIGHTED = highlighted();

    static final char SEP = '\u001f';
    static final long NEVER = Long.MAX_VALUE;
    static final String NEVER_DAY = "99999999";

    private Fields() {}

    private static FieldType highlighted() {
        FieldType t = new FieldType(TextField.TYPE_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    static String norm(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String day(long epochMillis) {
        return String.format(Locale.ROOT, "%08d", Math.floorDiv(epochMillis, 86_400_000L));
    }

    static Document engineer(IndexedEngineer e, Analyzer analyzer) {
        Document d = new Document();
        d.add(new StringField(TYPE, TYPE_ENGINEER, Field.Store.NO));
        d.add(new StringField(ENG_ID, e.id(), Field.Store.YES));
        d.add(new SortedDocValuesField(ENG_ID_DV, new BytesRef(e.id())));
        String name = blank(e.name()) ? e.id() : e.name().trim();
        d.add(new Field(NAME, name, HIGHLIGHTED));
        suggest(d, SUGGEST_ENGINEER, name, name, e.id());
        StringBuilder profile = new StringBuilder();
        List<EngineerCard.Certificate> cardCerts = new ArrayList<>();
        List<EngineerCard.Entry> skillEntries = new ArrayList<>();
        List<EngineerCard.Entry> productEntries = new ArrayList<>();
        List<EngineerCard.Entry> systemEntries = new ArrayList<>();
        Set<String> skillKeys = new LinkedHashSet<>();
        for (String skill : e.skills()) {
            if (blank(skill) || !skillKeys.add(norm(skill))) {
                continue;
            }
            String s = skill.trim();
            d.add(new Field(SKILLS, s, HIGHLIGHTED));
            d.add(new StringField(SKILL_KW, norm(s), Field.Store.NO));
            d.add(new SortedSetDocValuesField(SKILL_FACET, new BytesRef(s)));
            suggest(d, SUGGEST_SKILL, s, s, "");
            skillEntries.add(cardEntry(analyzer, s));
            profile.append(s).append(". ");
        }
        for (Certification c : e.certifications()) {
            if (c == null || blank(c.name())) {
                continue;
            }
            long exp = c.expires() == null ? NEVER : c.expires().toEpochMilli();
            d.add(new Field(CERTS, c.name().trim(), HIGHLIGHTED));
            d.add(new StoredField(CERT_EXPIRES, exp));
            d.add(new LongPoint(CERT_EXPIRES_POINT, exp));
            String day = exp == NEVER ? NEVER_DAY : day(exp);
            List<String> words = terms(analyzer, CERTS, c.name());
            for (String t : words) {
                d.add(new StringField(CERT_VALID_TERMS, t + "|" + day, Field.Store.NO));
            }
            cardCerts.add(new EngineerCard.Certificate(c.name().trim(), exp, words,
                    terms(Analyzers.CODE, PRODUCT, c.name())));
            profile.append(c.name()).append(". ");
        }
        Set<String> systemKeys = new LinkedHashSet<>();
        for (KnownSystem s : e.systems()) {
            if (s == null || blank(s.systemId()) || !systemKeys.add(norm(s.systemId()))) {
                continue;
            }
            int level = Math.max(1, Math.min(5, s.level()));
            d.add(new StringField(SYSTEM_ID, norm(s.systemId()), Field.Store.NO));
            d.add(new SortedSetDocValuesField(SYSTEM_FACET, new BytesRef(s.systemId().trim())));
            d.add(new StringField(SYSTEM_LEVEL, norm(s.systemId()) + "|" + level, Field.Store.NO));
            String sysName = blank(s.systemName()) ? s.systemId().trim() : s.systemName().trim();
            d.add(new Field(SYSTEM_NAME, sysName, HIGHLIGHTED));
            systemEntries.add(cardEntry(analyzer, sysName));
            suggest(d, SUGGEST_SYSTEM, s.systemId(), sysName, s.systemId().trim());
            if (!sysName.equalsIgnoreCase(s.systemId().trim())) {
                suggest(d, SUGGEST_SYSTEM, sysName, sysName, s.systemId().trim());
            }
            if (!blank(s.product())) {
                d.add(new Field(PRODUCT, s.product().trim(), HIGHLIGHTED));
                productEntries.add(cardEntry(analyzer, s.product().trim()));
                d.add(new TextField(PRODUCT_TEXT, s.product().trim(), Field.Store.NO));
                d.add(new StringField(PRODUCT_LEVEL, norm(s.product()) + "|" + level, Field.Store.NO));
                profile.append(s.product()).append(". ");
            }
            if (!blank(s.version())) {
                d.add(new TextField(VERSION, s.version().trim(), Field.Store.YES));
            }
            if (!blank(s.siteLabel())) {
                d.add(new TextField(SITE, s.siteLabel().trim(), Field.Store.YES));
            }
            d.add(new StoredField(SYSTEM_STORED, String.join(String.valueOf(SEP), s.systemId().trim(), sysName,
                    blank(s.product()) ? "" : s.product().trim(), Integer.toString(level))));
            profile.append(sysName).append(". ");
        }
        if (e.base() != null && validGeo(e.base().lat(), e.base().lon())) {
            d.add(new LatLonPoint(BASE, e.base().lat(), e.base().lon()));
            d.add(new LatLonDocValuesField(BASE, e.base().lat(), e.base().lon()));
        }
        for (String lang : e.languages()) {
            if (!blank(lang)) {
                d.add(new StringField(LANG, norm(lang), Field.Store.YES));
            }
        }
        String status = blank(e.status()) ? "UNKNOWN" : e.status().trim().toUpperCase(Locale.ROOT);
        d.add(new StringField(STATUS, norm(status), Field.Store.YES));
        d.add(new SortedDocValuesField(STATUS_DV, new BytesRef(status)));
        if (!profile.isEmpty()) {
            d.add(new TextField(PROFILE, profile.toString(), Field.Store.NO));
            d.add(new TextField(PROFILE_CODES, profile.toString(), Field.Store.NO));
        }
        List<EngineerCard.Entry> entries = new ArrayList<>(skillEntries);
        entries.addAll(productEntries);
        entries.addAll(systemEntries);
        d.add(new BinaryDocValuesField(ENG_CARD, new EngineerCard(name, cardCerts, entries).encode()));
        return d;
    }

    /** A profile entry as an incident may name it: its words the way skills are analysed, and its product codes. */
    private static EngineerCard.Entry cardEntry(Analyzer analyzer, String value) {
        return new EngineerCard.Entry(value, terms(analyzer, SKILLS, value), terms(Analyzers.CODE, PRODUCT, value));
    }

    static Document incident(IndexedIncident i, Instant fallbackTime) {
        Document d = new Document();
        d.add(new StringField(TYPE, TYPE_INCIDENT, Field.Store.NO));
        d.add(new StringField(INC_ID, i.id(), Field.Store.YES));
        String system = norm(i.systemId());
        if (!system.isEmpty()) {
            d.add(new StringField(INC_SYSTEM, system, Field.Store.NO));
            d.add(new SortedDocValuesField(INC_SYSTEM_DV, new BytesRef(i.systemId().trim())));
            String sysName = blank(i.systemName()) ? i.systemId().trim() : i.systemName().trim();
            d.add(new SortedDocValuesField(INC_SYSTEM_NAME_DV, new BytesRef(sysName)));
            d.add(new StringField(SUGGEST_SYSTEM, suggestTerm(i.systemId(), sysName, i.systemId().trim()), Field.Store.NO));
        }
        if (!blank(i.product())) {
            d.add(new StringField(INC_PRODUCT, norm(i.product()), Field.Store.NO));
        }
        String title = i.title() == null ? "" : i.title();
        d.add(new TextField(INC_TITLE, title, Field.Store.NO));
        String text = String.join("\n", title, nn(i.description()), nn(i.resolution()), nn(i.product()));
        d.add(new TextField(INC_TEXT, text, Field.Store.NO));
        d.add(new TextField(INC_CODES, text, Field.Store.NO));
        d.add(new StringField(RESOLVER, i.resolvedBy(), Field.Store.NO));
        d.add(new SortedDocValuesField(RESOLVER_DV, new BytesRef(i.resolvedBy())));
        Instant at = i.resolvedAt() == null ? fallbackTime : i.resolvedAt();
        d.add(new NumericDocValuesField(RESOLVED_AT, at.toEpochMilli()));
        return d;
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    static boolean validGeo(double lat, double lon) {
        return Double.isFinite(lat) && Double.isFinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
    }

    private static void suggest(Document d, String field, String key, String display, String id) {
        if (!blank(key)) {
            d.add(new StringField(field, suggestTerm(key, display, id), Field.Store.NO));
        }
        // also reachable from later words of multi-word names ("schmidt" finds "Anna Schmidt")
        String[] words = key.trim().split("\\s+");
        for (int w = 1; w < words.length && w < 4; w++) {
            String rest = String.join(" ", java.util.Arrays.copyOfRange(words, w, words.length));
            d.add(new StringField(field, suggestTerm(rest, display, id), Field.Store.NO));
        }
    }

    static String suggestTerm(String key, String display, String id) {
        return norm(key) + SEP + display.trim() + SEP + (id == null ? "" : id);
    }

    /** Analyzed terms of a text with the given field's analyzer. */
    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        if (blank(text)) {
            return out;
        }
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
