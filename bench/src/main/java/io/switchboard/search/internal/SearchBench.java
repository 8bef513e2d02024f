package io.switchboard.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

import io.switchboard.bench.World;
import io.switchboard.search.Certification;
import io.switchboard.search.EngineerSearch;
import io.switchboard.search.EngineerSearchResult;
import io.switchboard.search.GeoPoint;
import io.switchboard.search.IndexedEngineer;
import io.switchboard.search.IndexedIncident;
import io.switchboard.search.KnownSystem;
import io.switchboard.search.RecommendRequest;
import io.switchboard.search.Recommendations;
import io.switchboard.search.SearchSettings;
import io.switchboard.search.SearchSource;
import io.switchboard.search.Suggestion;

/**
 * Recommend and dispatcher search through the real {@link LuceneEngineerIndex}, next to the same Lucene query run raw.
 *
 * <p>The index is built once per trial from a generated {@link World} (no database, no HTTP) into
 * {@code bench/target/bench-index/<fingerprint>}; the fingerprint (seed, counts, generator version) is stored in the
 * commit, so a later run with the same parameters reuses it (the index's own staleness check decides).
 *
 * <p>"Raw" means: a plain {@link IndexSearcher} (BM25) over a separate {@link DirectoryReader} on the same directory,
 * executing a Query prepared in {@code @Setup} (not timed):
 * <ul>
 * <li>{@code recommendRaw}: the first and largest search {@code Recommender} runs, the "similar resolved incidents" BM25
 * top-{@code similar-incidents} over {@code inc_text} (incident terms after the same analysis, stop words and the
 * max-doc-freq cut, at most max-query-terms) plus the boosted {@code inc_codes} clauses, with the constant lift for the
 * incident's system; the words above common-doc-freq only rescore the best rescore-depth matches of the others, as in
 * {@code Recommender.similarIncidentsTopDocs}, which it calls. The words are the ones {@code Recommender} chooses
 * ({@code similarIncidentsText}), made {@link #plain plain}. The service additionally runs the declared-level,
 * profile and id lookups, doc-value reads, the scoring fusion, stored fields of the head and the reasons.</li>
 * <li>{@code searchRaw}: the complete query {@code DispatcherSearch.prepare} builds (parsed user query, fuzzy terms,
 * filters), top-{@code limit} by score. The service additionally sorts by distance when {@code near} is given,
 * computes facets, highlights and reasons and reads stored fields.</li>
 * </ul>
 * Each invocation takes the next of 256 pre-generated queries, so the figures are a mix, not one hot query.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class SearchBench {

    @Param({"10000", "100000"})
    public int engineers;

    @Param({"1000000"})
    public long incidents;

    @Param({"200"})
    public int customers;

    @Param({"42"})
    public long seed;

    private static final int QUERIES = 256;

    private LuceneEngineerIndex index;
    private DirectoryReader rawReader;
    private IndexSearcher raw;
    private RecommendRequest[] recommendRequests;
    private Recommender.IncidentText[] recommendRaw;
    private String[] recommendSystems;
    private EngineerSearch[] searches;
    private Query[] searchRaw;
    private int[] searchLimits;
    private String[] suggestPrefixes;
    private int similarN;
    private int rescoreDepth;
    private float systemLift;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        long t0 = System.nanoTime();
        World world = new World(new World.Params(seed, customers, engineers, incidents));
        SearchSettings settings = settings();
        Clock clock = Clock.fixed(World.NOW, ZoneOffset.UTC);
        Path dir = Path.of(System.getProperty("bench.indexDir", "bench/target/bench-index"))
                .resolve(world.params.fingerprint());
        Files.createDirectories(dir);
        index = new LuceneEngineerIndex(settings, new WorldSource(world), clock, dir);
        index.open();
        System.out.printf("%n[setup] index %s %s in %.1f s%n", dir, index.lastOpenRebuilt() ? "built" : "reused",
                (System.nanoTime() - t0) / 1e9);
        index.close(); // commit with the fingerprint now, so an interrupted run still leaves a reusable index
        index.open();
        rawReader = DirectoryReader.open(FSDirectory.open(dir));
        raw = new IndexSearcher(rawReader);
        raw.setSimilarity(new BM25Similarity());

        Analyzers analyzers = new Analyzers(settings.synonymsFile());
        SearchSettings.Recommend rc = settings.recommend();
        similarN = Math.max(1, rc.similarIncidents());
        rescoreDepth = rc.rescoreDepth();
        systemLift = rc.systemRetrievalBoost();
        Recommender recommender = new Recommender(rc, analyzers, null, clock);
        DispatcherSearch dispatcher = new DispatcherSearch(settings.query(), analyzers, clock);
        recommendRequests = new RecommendRequest[QUERIES];
        recommendRaw = new Recommender.IncidentText[QUERIES];
        recommendSystems = new String[QUERIES];
        searches = new EngineerSearch[QUERIES];
        searchRaw = new Query[QUERIES];
        searchLimits = new int[QUERIES];
        suggestPrefixes = new String[QUERIES];
        SplittableRandom r = new SplittableRandom(seed + 7);
        long n = rawReader.numDocs();
        for (int i = 0; i < QUERIES; i++) {
            World.Incident q = world.query(i);
            recommendRequests[i] = new RecommendRequest(q.system().id(), null, q.title(), q.description(), 10,
                    i % 2 == 0, null);
            Recommender.Prepared prepared = recommender.prepare(recommendRequests[i]);
            recommendRaw[i] = plain(recommender.similarIncidentsText(raw, prepared));
            recommendSystems[i] = prepared.systemKey();
            searches[i] = dispatcherSearch(world, r, i);
            DispatcherSearch.Prepared p = dispatcher.prepare(searches[i]);
            searchRaw[i] = p.query();
            searchLimits[i] = p.limit() + p.offset();
            suggestPrefixes[i] = typeahead(world, r, i);
        }
        // sanity: the service answers
        Recommendations rec = index.recommend(recommendRequests[0]);
        EngineerSearchResult res = index.search(searches[0]);
        System.out.printf("[setup] %d docs; sample recommend: %d hits, top %s; sample search '%s': total %d%n", n,
                rec.hits().size(), rec.hits().isEmpty() ? "-" : rec.hits().get(0).engineerId(), searches[0].q(),
                res.total());
    }

    /**
     * The service's words without the term look-ups it made while choosing them: a plain query that looks its terms up
     * as it runs, as one written by hand would. Same clauses, boosts and scores.
     */
    static Recommender.IncidentText plain(Recommender.IncidentText text) {
        return new Recommender.IncidentText(plain(text.searched()), plain(text.rescoring()));
    }

    private static BooleanQuery plain(BooleanQuery query) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        query.clauses().forEach(c -> b.add(plain(c.query()), c.occur()));
        return b.build();
    }

    private static Query plain(Query query) {
        return switch (query) {
            case TermQuery term -> new TermQuery(term.getTerm());
            case BoostQuery boost -> new BoostQuery(plain(boost.getQuery()), boost.getBoost());
            default -> query;
        };
    }

    /** A dispatcher's question: words with a typo now and then, sometimes a system, status, near. */
    private static EngineerSearch dispatcherSearch(World w, SplittableRandom r, int i) {
        World.Engineer e = w.engineers.get(r.nextInt(w.engineers.size()));
        World.Sys sys = e.systems().get(r.nextInt(e.systems().size())).system();
        String word = e.skills().get(r.nextInt(e.skills().size()));
        String q = switch (i % 4) {
            case 0 -> word + " " + sys.product().label();
            case 1 -> typo(word, r) + " " + sys.site().name().toLowerCase();
            case 2 -> "skill:" + word + " system:" + sys.id();
            default -> "\"" + sys.product().label() + "\" " + word;
        };
        String status = i % 3 == 0 ? "AVAILABLE" : null;
        GeoPoint near = i % 2 == 0 ? new GeoPoint(sys.lat(), sys.lon()) : null;
        return new EngineerSearch(q, i % 5 == 0 ? sys.id() : null, null, status, near, null, false, 20, 0);
    }

    /** What a dispatcher has typed so far: the first 1-4 letters of a name, a skill or a system name. */
    private static String typeahead(World w, SplittableRandom r, int i) {
        World.Engineer e = w.engineers.get(r.nextInt(w.engineers.size()));
        String text = switch (i % 3) {
            case 0 -> e.name();
            case 1 -> e.skills().get(r.nextInt(e.skills().size()));
            default -> e.systems().get(r.nextInt(e.systems().size())).system().name();
        };
        return text.substring(0, Math.min(text.length(), 1 + i % 4));
    }

    private static String typo(String w, SplittableRandom r) {
        if (w.length() < 5) {
            return w;
        }
        int p = 1 + r.nextInt(w.length() - 2);
        return w.substring(0, p) + w.substring(p + 1);
    }

    static SearchSettings settings() {
        Path yml = Path.of(System.getProperty("bench.config", "config/application.yml"));
        try {
            var sources = new YamlPropertySourceLoader().load("search", new FileSystemResource(yml));
            return new Binder(ConfigurationPropertySources.from(sources)).bind("switchboard.search", SearchSettings.class)
                    .get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        rawReader.close();
        index.close();
    }

    private int nextQuery() {
        int i = next;
        next = (i + 1) & (QUERIES - 1);
        return i;
    }

    @Benchmark
    public Recommendations recommend() {
        return index.recommend(recommendRequests[nextQuery()]);
    }

    @Benchmark
    public TopDocs recommendRaw() throws IOException {
        int i = nextQuery();
        return Recommender.similarIncidentsTopDocs(raw, recommendRaw[i], recommendSystems[i], systemLift, similarN,
                rescoreDepth);
    }

    @Benchmark
    public EngineerSearchResult search() {
        return index.search(searches[nextQuery()]);
    }

    @Benchmark
    public TopDocs searchRaw() throws IOException {
        int i = nextQuery();
        return raw.search(searchRaw[i], new TopScoreDocCollectorManager(searchLimits[i], null, searchLimits[i]));
    }

    @Benchmark
    public List<Suggestion> suggest() {
        return index.suggest(suggestPrefixes[nextQuery()], 10);
    }

    /** The generated world as the index's source of truth; the fingerprint names the parameters. */
    static final class WorldSource implements SearchSource {
        private final World w;

        WorldSource(World w) {
            this.w = w;
        }

        @Override
        public Stream<IndexedEngineer> engineers() {
            return w.engineers.stream().map(e -> new IndexedEngineer(e.id(), e.name(), e.email(), e.skills(),
                    e.systems().stream().map(l -> new KnownSystem(l.system().id(), l.system().name(),
                            l.system().product().code(), l.system().version(), l.system().customerId(),
                            l.system().siteLabel(), l.level())).toList(),
                    e.certifications().stream().map(c -> new Certification(c.name(), c.expires())).toList(),
                    new GeoPoint(e.lat(), e.lon()), e.timeZone(), e.languages(), e.status()));
        }

        @Override
        public Stream<IndexedIncident> resolvedIncidents() {
            return LongStream.range(0, w.params.incidents()).mapToObj(i -> {
                World.Incident x = w.incident(i);
                return new IndexedIncident(x.id(), x.system().id(), x.system().name(), x.system().product().code(),
                        x.title(), x.description(), x.resolution(), x.resolvedBy().id(), x.resolvedAt());
            });
        }

        @Override
        public String fingerprint() {
            return w.params.fingerprint();
        }
    }
}
