package io.switchboard.search.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analysis per field: English text (stemmed lightly, synonyms at query time), codes kept whole
 * ({@code S7-1500}, {@code v4.2.1}, {@code SCADA-GW}: whitespace-ish tokens, lower-cased) and keywords.
 */
final class Analyzers {

    private static final Logger log = LoggerFactory.getLogger(Analyzers.class);

    /** Text as indexed: standard tokens, lower case, folded, lightly stemmed. */
    static final Analyzer TEXT = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, textChain(source));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };

    /** Codes: split on whitespace and separators that never occur inside a code, lower case. */
    static final Analyzer CODE = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = codeTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(new TrimPunctuationFilter(source)));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    };

    /** Only the code-like tokens of free text (a digit, or a dash/underscore inside): S7-1500, cat_12, v4.2. */
    static final Analyzer CODES_IN_TEXT = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = codeTokenizer();
            TokenStream ts = new CodeLikeFilter(new LowerCaseFilter(new TrimPunctuationFilter(source)));
            return new TokenStreamComponents(source, ts);
        }
    };

    /** Whole value, lower case (ids, statuses, exact skills). */
    static final Analyzer KEYWORD = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    };

    private final Analyzer indexAnalyzer;
    private final Analyzer queryAnalyzer;
    private final SynonymMap synonyms;

    Analyzers(String synonymsFile) {
        this.synonyms = loadSynonyms(synonymsFile);
        Analyzer textQuery = synonyms == null ? TEXT : new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new SynonymGraphFilter(textChain(source), synonyms, true));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
        this.indexAnalyzer = new PerFieldAnalyzerWrapper(TEXT, perField());
        this.queryAnalyzer = new PerFieldAnalyzerWrapper(textQuery, perField());
    }

    private static Map<String, Analyzer> perField() {
        Map<String, Analyzer> m = new HashMap<>();
        for (String f : Fields.CODE_FIELDS) {
            m.put(f, CODE);
        }
        for (String f : Fields.KEYWORD_FIELDS) {
            m.put(f, KEYWORD);
        }
        m.put(Fields.INC_CODES, CODES_IN_TEXT);
        m.put(Fields.PROFILE_CODES, CODES_IN_TEXT);
        return m;
    }

    Analyzer index() {
        return indexAnalyzer;
    }

    Analyzer query() {
        return queryAnalyzer;
    }

    boolean hasSynonyms() {
        return synonyms != null;
    }

    private static TokenStream textChain(Tokenizer source) {
        TokenStream ts = new EnglishPossessiveFilter(source);
        ts = new LowerCaseFilter(ts);
        ts = new ASCIIFoldingFilter(ts);
        return new EnglishMinimalStemFilter(ts);
    }

    private static Tokenizer codeTokenizer() {
        return CharTokenizer.fromTokenCharPredicate(
                c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '/' || c == '+' || c == '#');
    }

    private static SynonymMap loadSynonyms(String file) {
        if (file == null || file.isBlank()) {
            return null;
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            log.info("No synonyms file at {}: searching without synonyms", path.toAbsolutePath());
            return null;
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, TEXT);
            parser.parse(reader);
            SynonymMap map = parser.build();
            return map.fst == null ? null : map;
        } catch (IOException | ParseException | RuntimeException e) {
            log.warn("Ignoring unreadable synonyms file {}: {}", path.toAbsolutePath(), e.toString());
            return null;
        }
    }

    /** Drops leading and trailing punctuation of a code token ("S7-1500." → "S7-1500"). */
    static final class TrimPunctuationFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        TrimPunctuationFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (input.incrementToken()) {
                char[] b = term.buffer();
                int len = term.length();
                int start = 0;
                while (start < len && !Character.isLetterOrDigit(b[start])) {
                    start++;
                }
                int end = len;
                while (end > start && !Character.isLetterOrDigit(b[end - 1]) && b[end - 1] != '+' && b[end - 1] != '#') {
                    end--;
                }
                if (end <= start) {
                    continue;
                }
                if (start > 0 || end < len) {
                    System.arraycopy(b, start, b, 0, end - start);
                    term.setLength(end - start);
                }
                return true;
            }
            return false;
        }
    }

    /** Keeps tokens that look like codes: containing a digit, or a dash / underscore / dot between characters. */
    static final class CodeLikeFilter extends FilteringTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        CodeLikeFilter(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean accept() {
            int len = term.length();
            if (len < 2) {
                return false;
            }
            char[] b = term.buffer();
            for (int i = 0; i < len; i++) {
                char c = b[i];
                if (Character.isDigit(c) || ((c == '-' || c == '_') && i > 0 && i < len - 1)) {
                    return true;
                }
            }
            return false;
        }
    }
}
