-- Benchmark seed for Concierge (`make bench`, driven by scripts/bench/seed.py).
--
-- Everything lives in the schema `bench` of the bench database: the search-document
-- function (the SQL twin of SearchTokenizer), the text vocabulary, and set-based loaders
-- that write the application's tables exactly as the application would (ids, numbers,
-- customer identities, organisations, ticket counters, search vectors). The loaders run as
-- the schema owner (concierge_owner), which row-level security does not restrict.
--
-- Loading, as seed.py runs it:
--   1. this file (functions + vocabulary; idempotent: the schema is dropped and re-created)
--   2. bench.drop_load_constraints()  -- saves then drops PK/unique/FK/indexes of the load tables
--   3. bench.load_directory(...) per tenant, bench.load_tickets(...) per chunk of numbers,
--      in two parallel sessions (no dependency between jobs: customer and organisation
--      ids are derived from their index, users and groups are read from the tenant)
--   4. bench.restore_load_constraints('tickets' | 'other') in two sessions, then 'fk'
--   5. VACUUM ANALYZE
--
-- Randomness is a hash of (position, salt): a reseed with the same sizes produces the same
-- texts and distributions (only row ids and `now` differ).

SET client_min_messages = warning;
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;

-- ---------------------------------------------------------------------------------------
-- Search documents: the SQL twin of ConciergeDomain/Tickets/SearchTokenizer.swift.
--
-- SearchTokenizer.terms: runs of CJK characters (U+3040–30FF, 3400–4DBF, 4E00–9FFF,
-- AC00–D7AF, F900–FAFF, 20000–2FA1F) become overlapping bigrams (a lone one stays a
-- unigram; for documents — forIndexing — a longer run's last character follows its bigrams
-- as a unigram too); runs of letters, digits and `_` become lowercase words; everything else
-- separates; each term is cut to 100 characters. document() takes the indexing terms of each
-- part, single-quotes each (doubling `'` and `\`) and joins them with spaces; the application
-- stores to_tsvector('simple', document).
--
-- Differences from Swift, none of which the seeded texts contain: Swift walks grapheme
-- clusters (a letter plus combining marks is one character, here the mark separates), and
-- Swift's isLetter/isNumber and lowercased() are Unicode's, here the C.UTF-8 ctype's.
-- seed.py compares this function with the running application on sample texts.
-- ---------------------------------------------------------------------------------------

CREATE FUNCTION bench.terms(txt text, for_indexing boolean DEFAULT false) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
    SELECT coalesce(array_agg(left(gram.term, 100) ORDER BY tok.ord, gram.ord), '{}')
    FROM regexp_split_to_table(
            regexp_replace(txt, '([\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\U00020000-\U0002FA1F]+)', ' \1 ', 'g'),
            '[^[:alnum:]_\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\U00020000-\U0002FA1F]+')
            WITH ORDINALITY AS tok (t, ord)
    CROSS JOIN LATERAL (
        SELECT tok.t ~ '^[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\U00020000-\U0002FA1F]' AS cjk,
               length(tok.t) AS len
    ) AS k
    CROSS JOIN LATERAL (
        SELECT CASE
                   WHEN NOT k.cjk THEN lower(tok.t)
                   WHEN k.len = 1 THEN tok.t
                   WHEN i < k.len THEN substr(tok.t, i, 2)   -- overlapping bigrams
                   ELSE substr(tok.t, k.len, 1)              -- documents: the run's last character
               END AS term,
               i AS ord
        FROM generate_series(1, CASE WHEN NOT k.cjk OR k.len = 1 THEN 1 WHEN for_indexing THEN k.len ELSE k.len - 1 END) AS i
    ) AS gram
    WHERE tok.t <> ''
$$;

-- SearchTokenizer.quoteLexeme.
CREATE FUNCTION bench.quote_lexeme(term text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT '''' || replace(replace(term, '\', '\\'), '''', '''''') || '''' $$;

-- SearchTokenizer.document(parts): the terms of every part, in order.
CREATE FUNCTION bench.document(VARIADIC parts text[]) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
    SELECT coalesce(string_agg(bench.quote_lexeme(term), ' ' ORDER BY p.ord, t.ord), '')
    FROM unnest(parts) WITH ORDINALITY AS p (part, ord)
    CROSS JOIN LATERAL unnest(bench.terms(p.part, true)) WITH ORDINALITY AS t (term, ord)
$$;

-- Document fragments compose: terms(a || sep || b) = terms(a) ++ terms(b) whenever sep is a
-- separator (space, 。, ., :) — so a row's document is the concatenation of its fragments'
-- precomputed documents. This joins non-empty ones with a space.
CREATE FUNCTION bench.join_docs(VARIADIC docs text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT array_to_string(array_remove(docs, ''), ' ') $$;

-- ---------------------------------------------------------------------------------------
-- Deterministic randomness and ids.
-- ---------------------------------------------------------------------------------------

-- A non-negative 63-bit hash of (n, salt).
CREATE FUNCTION bench.h(n bigint, salt bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT hashint8extended(n, salt) & 9223372036854775807 $$;

-- Uniform in [0, 1).
CREATE FUNCTION bench.u(n bigint, salt bigint) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (hashint8extended(n, salt) & 9223372036854775807)::double precision / 9223372036854775808.0 $$;

-- A version-4-shaped UUID derived from (tenant, kind, n), for rows other rows point at
-- before they exist (customers, organisations).
CREATE FUNCTION bench.uid(tenant uuid, kind text, n bigint) RETURNS uuid
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT (substr(m, 1, 12) || '4' || substr(m, 14, 3) || substr('89ab', (get_byte(decode(substr(m, 17, 2), 'hex'), 0) & 3) + 1, 1)
            || substr(m, 18, 15))::uuid
    FROM md5(tenant::text || ':' || kind || ':' || n) AS m
$$;

-- ---------------------------------------------------------------------------------------
-- Vocabulary: a precision-equipment / appliance help desk in Chinese and English.
-- ---------------------------------------------------------------------------------------

CREATE TABLE bench.products (i int PRIMARY KEY, key text, zh text, en text, model text, weight int);
INSERT INTO bench.products VALUES
    (0, 'printer', '打印机', 'printer', 'HP LaserJet M404dn', 14),
    (1, 'laser_printer', '激光打印机', 'laser printer', 'Brother HL-L2350DW', 6),
    (2, 'copier', '复印机', 'copier', 'Canon iR-ADV C5535', 6),
    (3, 'scanner', '扫描仪', 'scanner', 'Epson DS-530', 4),
    (4, 'projector', '投影仪', 'projector', 'Epson CB-X49', 3),
    (5, 'laptop', '笔记本电脑', 'laptop', 'ThinkPad X1 Carbon', 6),
    (6, 'monitor', '显示器', 'monitor', 'Dell U2720Q', 4),
    (7, 'router', '路由器', 'router', 'TP-Link AX3000', 4),
    (8, 'air_conditioner', '空调', 'air conditioner', 'Gree KFR-35GW', 7),
    (9, 'refrigerator', '冰箱', 'refrigerator', 'Haier BCD-470', 5),
    (10, 'washing_machine', '洗衣机', 'washing machine', 'Midea MG100V', 5),
    (11, 'water_purifier', '净水器', 'water purifier', 'Xiaomi MR1053', 4),
    (12, 'cnc', '数控机床', 'CNC machine', 'DMG CMX 600V', 3),
    (13, 'industrial_camera', '工业相机', 'industrial camera', 'Hikrobot MV-CA050', 2),
    (14, 'barcode_scanner', '条码枪', 'barcode scanner', 'Honeywell 1900GSR', 3),
    (15, 'label_printer', '标签打印机', 'label printer', 'Zebra ZD421', 4),
    (16, 'server', '服务器', 'server', 'Inspur NF5280M6', 2),
    (17, 'toner', '硒鼓', 'toner cartridge', 'HP 58A CF258A', 6),
    (18, 'ink', '墨盒', 'ink cartridge', 'Canon PG-845', 4),
    (19, 'pos', '收银机', 'POS terminal', 'Sunmi T2s', 3);

CREATE TABLE bench.issues (i int PRIMARY KEY, zh text, en text, weight int);
INSERT INTO bench.issues VALUES
    (0, '卡纸', 'paper jam', 6),
    (1, '无法开机', 'will not power on', 6),
    (2, '打印模糊', 'prints are blurry', 3),
    (3, '申请退货', 'return request', 6),
    (4, '需要维修', 'needs repair', 8),
    (5, '预约上门维修', 'on-site repair appointment', 6),
    (6, '保修期内维修', 'warranty repair', 5),
    (7, '开具发票', 'invoice request', 5),
    (8, '退款进度查询', 'refund status', 5),
    (9, '安装调试', 'installation help', 5),
    (10, '配件缺货', 'spare parts out of stock', 3),
    (11, '物流延迟', 'delivery delayed', 5),
    (12, '有异响', 'strange noise', 4),
    (13, '漏水', 'water leak', 3),
    (14, '不制冷', 'not cooling', 3),
    (15, '报错E023', 'error E023', 4),
    (16, '网络连接失败', 'network connection failed', 4),
    (17, '固件升级失败', 'firmware update failed', 3),
    (18, '屏幕闪烁', 'screen flickering', 3),
    (19, '换货申请', 'exchange request', 4);

-- Cumulative weights, for weighted picks by a uniform number.
CREATE TABLE bench.product_cdf AS
    SELECT i, (sum(weight) OVER (ORDER BY i) - weight)::float8 / sum(weight) OVER () AS lo,
           sum(weight) OVER (ORDER BY i)::float8 / sum(weight) OVER () AS hi
    FROM bench.products;
CREATE TABLE bench.issue_cdf AS
    SELECT i, (sum(weight) OVER (ORDER BY i) - weight)::float8 / sum(weight) OVER () AS lo,
           sum(weight) OVER (ORDER BY i)::float8 / sum(weight) OVER () AS hi
    FROM bench.issues;

-- Subjects: language (0 zh, 1 en) × product × issue × template. id = ((lang*20+p)*20+i)*5+t.
CREATE TABLE bench.subjects (id int PRIMARY KEY, body text NOT NULL, doc text NOT NULL);
INSERT INTO bench.subjects
SELECT ((l * 20 + p.i) * 20 + s.i) * 5 + t, body, bench.document(body)
FROM generate_series(0, 1) AS l
CROSS JOIN bench.products p
CROSS JOIN bench.issues s
CROSS JOIN generate_series(0, 4) AS t
CROSS JOIN LATERAL (
    SELECT CASE l
               WHEN 0 THEN (ARRAY[
                   p.zh || s.zh,
                   p.zh || s.zh || '，请尽快处理',
                   '【加急】' || p.zh || s.zh,
                   '关于 ' || p.model || ' ' || p.zh || s.zh || '的问题',
                   '咨询：' || p.zh || s.zh])[t + 1]
               ELSE (ARRAY[
                   initcap(p.en) || ' ' || s.en,
                   'Urgent: ' || p.en || ' ' || s.en,
                   'Re: ' || s.en || ' (' || p.model || ')',
                   p.model || ' ' || p.en || ' - ' || s.en,
                   'Question about my ' || p.en || ': ' || s.en])[t + 1]
           END AS body
) AS b;

-- Sentences. kind: d = description about the product ({p}/{m} filled per product),
-- g = generic description sentence, a = agent reply, c = customer reply, n = internal note.
-- Chinese sentences end with a full stop, so they concatenate without spaces.
CREATE TABLE bench.sentence_templates (kind text, lang int, body text);
INSERT INTO bench.sentence_templates (kind, lang, body) VALUES
    ('d', 0, '我们公司的{p}（型号 {m}）从昨天开始出现问题。'),
    ('d', 0, '上个月购买的{p}现在无法正常使用，想申请退货。'),
    ('d', 0, '{p}在使用过程中突然停止工作，面板显示报错代码。'),
    ('d', 0, '办公室的{m}经常卡纸，已经影响正常办公。'),
    ('d', 0, '请安排工程师上门维修{p}，地址在上海市浦东新区张江路。'),
    ('d', 0, '{p}还在保修期内，希望免费维修或者更换。'),
    ('d', 0, '新买的{p}安装后无法连接网络，说明书看不懂。'),
    ('d', 0, '收到的{p}外包装破损，机器有明显划痕，要求换货。'),
    ('d', 0, '{m} 打印出来的文件有黑线，硒鼓刚换过。'),
    ('d', 0, '我们有二十台{p}需要批量维修，请给出报价。'),
    ('d', 0, '{p}的售后申请已经提交一周了，还没有人联系我。'),
    ('d', 0, '门店的{p}每天早上开机都要等很久，有时直接死机。'),
    ('d', 1, 'Our {p} ({m}) stopped working yesterday.'),
    ('d', 1, 'The {p} we bought last month does not work and we would like a refund.'),
    ('d', 1, 'Please send a technician for an on-site repair of the {p}.'),
    ('d', 1, 'The {m} keeps showing an error after the latest firmware update.'),
    ('d', 1, 'Is the {p} still under warranty? The serial number is on the back.'),
    ('d', 1, 'We need an invoice for the {p} order for our finance team.'),
    ('d', 1, 'The {p} arrived damaged and we want to return it.'),
    ('d', 1, 'Printing from the {m} is slow and the printer driver crashes.'),
    ('g', 0, '请尽快处理，谢谢。'),
    ('g', 0, '我们已经重启过设备，问题依旧。'),
    ('g', 0, '附件是故障照片和购买发票。'),
    ('g', 0, '联系电话见账户资料，工作日九点到六点都可以联系。'),
    ('g', 0, '如果需要寄回维修，请告诉我寄到哪里。'),
    ('g', 0, '这个问题已经是第二次出现了。'),
    ('g', 0, '希望今天能给个答复，客户那边在催。'),
    ('g', 0, '订单是在官方旗舰店下的。'),
    ('g', 0, '退款请原路退回到支付宝。'),
    ('g', 0, '快递单号已经在订单里填写了。'),
    ('g', 1, 'Please handle this as soon as possible.'),
    ('g', 1, 'We already restarted the device and the problem persists.'),
    ('g', 1, 'Photos of the fault and the purchase invoice are attached.'),
    ('g', 1, 'You can reach me on weekdays between 9 and 6.'),
    ('g', 1, 'This is the second time this has happened.'),
    ('g', 1, 'Our customer is waiting, a reply today would help.'),
    ('g', 1, 'The order was placed in your online store.'),
    ('g', 1, 'Please refund to the original payment method.'),
    ('a', 0, '您好，我们已收到您的问题，正在安排处理。'),
    ('a', 0, '您好，已为您安排工程师明天上午上门维修，请保持电话畅通。'),
    ('a', 0, '退货申请已审核通过，请在七天内寄回商品。'),
    ('a', 0, '退款已经提交财务，预计三到五个工作日到账。'),
    ('a', 0, '请提供{p}的序列号和购买凭证，我们帮您核实保修状态。'),
    ('a', 0, '建议先将{p}断电十分钟后重新开机，再观察是否还有报错。'),
    ('a', 0, '发票已开具，电子发票已发送到您的邮箱。'),
    ('a', 0, '配件已经到货，维修完成后会第一时间通知您。'),
    ('a', 0, '这个工单已处理完毕，如有问题请随时回复。'),
    ('a', 1, 'Hello, we have received your request and are looking into it.'),
    ('a', 1, 'A technician will visit tomorrow morning for the on-site repair.'),
    ('a', 1, 'Your return has been approved; please ship the {p} back within 7 days.'),
    ('a', 1, 'The refund has been issued and should arrive in 3 to 5 business days.'),
    ('a', 1, 'Could you send the serial number of the {p} and the proof of purchase?'),
    ('a', 1, 'Please unplug the {p} for ten minutes and try again.'),
    ('a', 1, 'The invoice has been sent to your email address.'),
    ('a', 1, 'This ticket is resolved; reply any time if the problem comes back.'),
    ('c', 0, '好的，谢谢。'),
    ('c', 0, '按照你们说的操作了，还是不行。'),
    ('c', 0, '工程师什么时候能到？'),
    ('c', 0, '序列号是拍在附件里的，请查收。'),
    ('c', 0, '退款还没有收到，请帮忙查一下。'),
    ('c', 0, '问题已经解决了，非常感谢。'),
    ('c', 0, '能不能换一台新的{p}？'),
    ('c', 1, 'Thanks, that worked.'),
    ('c', 1, 'I tried that but the {p} still shows the same error.'),
    ('c', 1, 'When will the technician arrive?'),
    ('c', 1, 'I still have not received the refund.'),
    ('c', 1, 'Photos attached, please check.'),
    ('n', 0, '客户是老客户，优先处理。'),
    ('n', 0, '已联系仓库确认备件库存，等待回复。'),
    ('n', 0, '这个型号的{p}最近同类故障较多，已反馈给产品部门。'),
    ('n', 0, '退货需要主管审批，已提交。'),
    ('n', 0, '工程师反馈主板损坏，需要更换。'),
    ('n', 1, 'Customer is a key account, keep them updated daily.'),
    ('n', 1, 'Checked stock with the warehouse, waiting for an answer.'),
    ('n', 1, 'Refund above the limit, needs supervisor approval.'),
    ('n', 1, 'Field engineer reports a faulty mainboard on the {p}.');

-- Sentences with the product filled in (20 rows per template with a placeholder, one without).
CREATE TABLE bench.sentences (kind text, lang int, product int, n int, body text, doc text);
INSERT INTO bench.sentences (kind, lang, product, n, body, doc)
SELECT t.kind, t.lang, p.i,
       row_number() OVER (PARTITION BY t.kind, t.lang, p.i ORDER BY t.body) - 1,
       b.body, bench.document(b.body)
FROM bench.sentence_templates t
CROSS JOIN bench.products p
CROSS JOIN LATERAL (
    SELECT replace(replace(t.body, '{p}', CASE t.lang WHEN 0 THEN p.zh ELSE p.en END), '{m}', p.model) AS body
) AS b;
CREATE INDEX ON bench.sentences (kind, lang, product, n);
CREATE TABLE bench.sentence_counts AS
    SELECT kind, lang, product, count(*)::int AS c FROM bench.sentences GROUP BY 1, 2, 3;

-- The order number sentence: a fixed prefix (document precomputed) and a per-row number
-- token `SO<digits>`, whose only term is its lowercase form.
CREATE TABLE bench.order_prefix (lang int PRIMARY KEY, body text, doc text);
INSERT INTO bench.order_prefix SELECT l, b, bench.document(b)
FROM (VALUES (0, '订单号：'), (1, 'Order number: ')) AS v (l, b);

-- Tags (normalised as TicketTags does: lowercase, spaces as _, sorted by code point, unique).
CREATE TABLE bench.tag_vocab (i int PRIMARY KEY, tag text);
INSERT INTO bench.tag_vocab VALUES
    (0, '退货'), (1, '维修'), (2, '保修'), (3, '投诉'), (4, '发票'), (5, '上门'), (6, '安装'),
    (7, '配件'), (8, '华东'), (9, '华南'), (10, '华北'), (11, 'refund'), (12, 'printer'),
    (13, 'follow_up'), (14, 'hardware'), (15, 'software'), (16, 'billing'), (17, 'escalated'),
    (18, '大客户'), (19, 'repeat_issue');
-- 1000 tag sets: 40% empty, else 1-3 tags; `tags_vip` adds vip (tickets of vip customers).
CREATE TABLE bench.tag_sets (i int PRIMARY KEY, tags text[], tags_vip text[]);
INSERT INTO bench.tag_sets
SELECT n, tags,
       ARRAY(SELECT DISTINCT x COLLATE "C" FROM unnest(tags || 'vip'::text) AS x ORDER BY 1)
FROM (
    SELECT n,
           CASE WHEN bench.u(n, 11) < 0.4 THEN '{}'::text[]
                ELSE ARRAY(SELECT DISTINCT v.tag COLLATE "C" FROM generate_series(1, 1 + (bench.h(n, 12) % 3)::int) AS k
                           JOIN bench.tag_vocab v ON v.i = (bench.h(n * 7 + k, 13) % 20)::int
                           ORDER BY 1)
           END AS tags
    FROM generate_series(0, 999) AS n
) AS s;

-- People and companies.
CREATE TABLE bench.surnames (i int PRIMARY KEY, zh text, py text);
INSERT INTO bench.surnames SELECT ord - 1, zh, py
FROM unnest(ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗'],
            ARRAY['wang','li','zhang','liu','chen','yang','huang','zhao','wu','zhou','xu','sun','ma','zhu','hu','guo','he','gao','lin','luo'])
     WITH ORDINALITY AS v (zh, py, ord);
CREATE TABLE bench.given_names (i int PRIMARY KEY, zh text, py text);
INSERT INTO bench.given_names SELECT ord - 1, zh, py
FROM unnest(ARRAY['伟','芳','娜','秀英','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀兰','霞','平','刚','桂英','建华','晓东','志强','婷婷','海燕','文博','思远'],
            ARRAY['wei','fang','na','xiuying','min','jing','li','qiang','lei','jun','yang','yong','yan','jie','juan','tao','ming','chao','xiulan','xia','ping','gang','guiying','jianhua','xiaodong','zhiqiang','tingting','haiyan','wenbo','siyuan'])
     WITH ORDINALITY AS v (zh, py, ord);
CREATE TABLE bench.en_first (i int PRIMARY KEY, name text);
INSERT INTO bench.en_first SELECT ord - 1, n FROM unnest(ARRAY['James','Mary','John','Linda','David','Susan','Michael','Karen','Peter','Emma','Lucas','Olivia','Daniel','Sophie','Mark','Anna']) WITH ORDINALITY AS v (n, ord);
CREATE TABLE bench.en_last (i int PRIMARY KEY, name text);
INSERT INTO bench.en_last SELECT ord - 1, n FROM unnest(ARRAY['Smith','Johnson','Brown','Miller','Davis','Wilson','Taylor','Clark','Walker','Young','King','Wright','Green','Baker','Hill','Scott']) WITH ORDINALITY AS v (n, ord);
CREATE TABLE bench.company_words (i int PRIMARY KEY, city text, word text, py text);
INSERT INTO bench.company_words SELECT ord - 1, c, w, p
FROM unnest(ARRAY['上海','北京','深圳','杭州','苏州','广州','南京','成都','武汉','宁波'],
            ARRAY['精密','华信','东方','联合','远航','恒通','金桥','博远','瑞丰','新创'],
            ARRAY['jingmi','huaxin','dongfang','lianhe','yuanhang','hengtong','jinqiao','boyuan','ruifeng','xinchuang'])
     WITH ORDINALITY AS v (c, w, p, ord);
CREATE TABLE bench.personal_domains (i int PRIMARY KEY, domain text);
INSERT INTO bench.personal_domains VALUES (0, 'qq.com'), (1, '163.com'), (2, '126.com'), (3, 'gmail.com'), (4, 'outlook.com'), (5, 'sina.com');

-- What was seeded (written by seed.py when the whole seed has finished).
CREATE TABLE bench.seed_state (id int PRIMARY KEY DEFAULT 1 CHECK (id = 1), params jsonb NOT NULL, stats jsonb NOT NULL,
                               finished_at timestamptz NOT NULL DEFAULT now());

-- Constraint and index definitions dropped for the load, restored afterwards.
CREATE TABLE bench.saved_ddl (name text PRIMARY KEY, tbl text NOT NULL, kind text NOT NULL, ddl text NOT NULL, ord int NOT NULL);

-- ---------------------------------------------------------------------------------------
-- Indexes and constraints around the load.
-- ---------------------------------------------------------------------------------------

-- Saves, then drops, every index, primary key, unique and foreign key constraint on the
-- tables the load writes (and foreign keys from other tables pointing at them). CHECK
-- constraints, defaults and row-level security stay.
CREATE FUNCTION bench.drop_load_constraints() RETURNS integer
    LANGUAGE plpgsql AS $$
DECLARE
    load_tables text[] := ARRAY['organizations', 'organization_domains', 'customers', 'customer_identities', 'tickets', 'comments'];
    r record;
    n int := 0;
BEGIN
    IF EXISTS (SELECT FROM bench.saved_ddl) THEN
        RAISE EXCEPTION 'bench.saved_ddl is not empty: restore the constraints first';
    END IF;
    -- Foreign keys (on or into the load tables) first, then primary/unique keys.
    FOR r IN
        SELECT c.conname, c.conrelid::regclass::text AS tbl, c.contype,
               format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) AS ddl
        FROM pg_constraint c
        WHERE c.contype IN ('f', 'p', 'u')
          AND (c.conrelid::regclass::text = ANY (load_tables) OR (c.contype = 'f' AND c.confrelid::regclass::text = ANY (load_tables)))
        ORDER BY c.contype = 'f' DESC, c.conname
    LOOP
        INSERT INTO bench.saved_ddl VALUES (r.conname, r.tbl, CASE r.contype WHEN 'f' THEN 'fk' ELSE 'key' END, r.ddl,
                                            CASE r.contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 ELSE 3 END);
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tbl, r.conname);
        n := n + 1;
    END LOOP;
    FOR r IN
        SELECT i.indexrelid::regclass::text AS name, i.indrelid::regclass::text AS tbl, pg_get_indexdef(i.indexrelid) AS ddl
        FROM pg_index i
        WHERE i.indrelid::regclass::text = ANY (load_tables)
    LOOP
        INSERT INTO bench.saved_ddl VALUES (r.name, r.tbl, 'index', r.ddl, 2);
        EXECUTE format('DROP INDEX %s', r.name);
        n := n + 1;
    END LOOP;
    RETURN n;
END
$$;

-- Restores what drop_load_constraints saved. part: 'tickets' (keys and indexes of tickets),
-- 'comments' (of comments), 'other' (of the remaining tables), 'fk' (every foreign key,
-- added NOT VALID then validated, which locks less and ends in the same state).
CREATE PROCEDURE bench.restore_load_constraints(part text)
    LANGUAGE plpgsql AS $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT * FROM bench.saved_ddl
        WHERE CASE part
                  WHEN 'fk' THEN kind = 'fk'
                  WHEN 'tickets' THEN kind <> 'fk' AND tbl = 'tickets'
                  WHEN 'comments' THEN kind <> 'fk' AND tbl = 'comments'
                  WHEN 'other' THEN kind <> 'fk' AND tbl NOT IN ('tickets', 'comments')
              END
        ORDER BY ord, name
    LOOP
        IF r.kind = 'fk' THEN
            EXECUTE r.ddl || ' NOT VALID';
            COMMIT;
            EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT %I', r.tbl, r.name);
        ELSE
            EXECUTE r.ddl;
        END IF;
        DELETE FROM bench.saved_ddl WHERE name = r.name;
        COMMIT;
    END LOOP;
END
$$;

-- ---------------------------------------------------------------------------------------
-- Loaders.
-- ---------------------------------------------------------------------------------------

-- Customer k (0-based) of a tenant: id, organisation, vip, locale — all derived from k, so
-- tickets can point at customers without reading them.
CREATE FUNCTION bench.customer_org(k bigint, orgs int) RETURNS int
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN bench.u(k, 21) < 0.6 THEN (bench.h(k, 22) % orgs)::int END $$;
CREATE FUNCTION bench.customer_vip(k bigint) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT bench.u(k, 23) < 0.05 $$;
CREATE FUNCTION bench.customer_en(k bigint) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT bench.u(k, 24) < 0.25 $$;
CREATE FUNCTION bench.org_domain(o int) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (SELECT py FROM bench.company_words WHERE i = o % 10) || o || '.example.cn' $$;

-- Organisations, their email domains, customers and their identities for one tenant.
CREATE FUNCTION bench.load_directory(p_tenant uuid, p_customers int, p_orgs int, p_now timestamptz) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO organizations (tenant_id, id, name, domains, tier, external_ids, notes, created_at, updated_at)
    SELECT p_tenant, bench.uid(p_tenant, 'org', o),
           cw.city || w2.word || (ARRAY['科技', '设备', '实业', '电子', '贸易'])[1 + o % 5] || '有限公司' || CASE WHEN o >= 100 THEN ' ' || o ELSE '' END,
           ARRAY[bench.org_domain(o)], CASE WHEN o % 20 = 0 THEN 'enterprise' ELSE 'standard' END,
           jsonb_build_object('crm', 'ORG-' || (10000 + o)), '',
           p_now - interval '800 days', p_now - interval '800 days'
    FROM generate_series(0, p_orgs - 1) AS o
    JOIN bench.company_words cw ON cw.i = (o / 10) % 10
    JOIN bench.company_words w2 ON w2.i = o % 10;

    INSERT INTO organization_domains (tenant_id, domain, organization_id)
    SELECT p_tenant, bench.org_domain(o), bench.uid(p_tenant, 'org', o) FROM generate_series(0, p_orgs - 1) AS o;

    -- Temp table: the customers' computed columns, used for both inserts.
    CREATE TEMP TABLE bench_customers ON COMMIT DROP AS
    SELECT k, bench.uid(p_tenant, 'customer', k) AS id,
           CASE WHEN en THEN f.name || ' ' || l.name ELSE s.zh || g.zh END AS name,
           lower(CASE WHEN en THEN f.name || '.' || l.name ELSE s.py || '.' || g.py END) || k || '@'
               || coalesce(bench.org_domain(org), (SELECT domain FROM bench.personal_domains WHERE i = (bench.h(k, 25) % 6)::int)) AS email,
           CASE WHEN bench.u(k, 26) < 0.4 THEN '+86139' || lpad((k % 100000000)::text, 8, '0') END AS phone,
           org, vip, en
    FROM generate_series(0, p_customers - 1) AS k
    CROSS JOIN LATERAL (SELECT bench.customer_org(k, p_orgs) AS org, bench.customer_vip(k) AS vip, bench.customer_en(k) AS en) AS a
    JOIN bench.surnames s ON s.i = (bench.h(k, 27) % 20)::int
    JOIN bench.given_names g ON g.i = (bench.h(k, 28) % 30)::int
    JOIN bench.en_first f ON f.i = (bench.h(k, 29) % 16)::int
    JOIN bench.en_last l ON l.i = (bench.h(k, 30) % 16)::int;

    INSERT INTO customers (tenant_id, id, name, emails, phones, external_ids, tier, tags, locale, organization_id, attributes,
                           created_at, updated_at)
    SELECT p_tenant, id, name, ARRAY[email], CASE WHEN phone IS NULL THEN '{}' ELSE ARRAY[phone] END,
           CASE WHEN k % 3 = 0 THEN jsonb_build_object('crm', 'C-' || (100000 + k)) ELSE '{}' END,
           CASE WHEN vip THEN 'vip' ELSE 'standard' END, '{}', CASE WHEN en THEN 'en' ELSE 'zh-CN' END,
           CASE WHEN org IS NOT NULL THEN bench.uid(p_tenant, 'org', org) END, '{}',
           p_now - interval '760 days' + (k::float8 / p_customers) * interval '10 days',
           p_now - interval '760 days' + (k::float8 / p_customers) * interval '10 days'
    FROM bench_customers;

    INSERT INTO customer_identities (tenant_id, kind, value, customer_id)
    SELECT p_tenant, 'email', email, id FROM bench_customers
    UNION ALL
    SELECT p_tenant, 'phone', phone, id FROM bench_customers WHERE phone IS NOT NULL;
END
$$;

-- Tickets first..last (1-based positions; number = 1000 + position) of `p_total`, and their
-- comments: 3 per ticket on average (exactly 30 per block of ten positions), 0–6 each.
-- Agents and groups are the tenant's users with role agent and their first group.
CREATE FUNCTION bench.load_tickets(p_tenant uuid, p_first int, p_last int, p_total int, p_customers int, p_orgs int, p_now timestamptz)
    RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    span float8 := 730 * 86400;
    v_agents uuid[];
    v_agent_groups uuid[];
    v_groups uuid[];
BEGIN
    SELECT array_agg(u.id ORDER BY u.email), array_agg(gm.group_id ORDER BY u.email)
    INTO v_agents, v_agent_groups
    FROM users u
    CROSS JOIN LATERAL (SELECT m.group_id FROM group_members m JOIN groups g ON g.tenant_id = m.tenant_id AND g.id = m.group_id
                        WHERE m.tenant_id = p_tenant AND m.user_id = u.id ORDER BY g.key LIMIT 1) AS gm
    WHERE u.tenant_id = p_tenant AND u.role = 'agent';
    SELECT array_agg(id ORDER BY key) INTO v_groups FROM groups WHERE tenant_id = p_tenant;
    IF v_agents IS NULL OR v_groups IS NULL THEN
        RAISE EXCEPTION 'tenant % has no agents in groups', p_tenant;
    END IF;

    CREATE TEMP TABLE bench_t ON COMMIT DROP AS
    WITH base AS (
        SELECT n,
               p_now - make_interval(secs => span) + make_interval(secs => (n - 1 + 0.9 * bench.u(n, 1)) * span / p_total) AS created_at,
               -- comments: a fixed multiset of ten counts (sum 30), rotated per block of ten
               (ARRAY[0, 1, 2, 2, 3, 3, 4, 4, 5, 6])[1 + ((n - 1 + bench.h((n - 1) / 10, 2)) % 10)::int] AS ncomments,
               -- requester: skewed towards low customer numbers (a few customers open many tickets)
               least(floor(p_customers * power(bench.u(n, 3), 1.5)), p_customers - 1)::bigint AS cust,
               (SELECT i FROM bench.product_cdf WHERE bench.u(n, 4) >= lo AND bench.u(n, 4) < hi LIMIT 1) AS product,
               (SELECT i FROM bench.issue_cdf WHERE bench.u(n, 5) >= lo AND bench.u(n, 5) < hi LIMIT 1) AS issue,
               (bench.h(n, 6) % 5)::int AS tmpl,
               least(floor(array_length(v_agents, 1) * power(bench.u(n, 7), 1.3)), array_length(v_agents, 1) - 1)::int + 1 AS agent,
               bench.u(n, 8) AS r_status, bench.u(n, 9) AS r_prio, bench.u(n, 10) AS r_type, bench.u(n, 14) AS r_channel,
               (bench.h(n, 15) % 1000)::int AS tagset,
               0.5 + 30 * power(bench.u(n, 16), 2) AS gap_hours
        FROM generate_series(p_first, p_last) AS n
    ), t1 AS (
        SELECT b.*, bench.customer_en(b.cust) AS en, bench.customer_vip(b.cust) AS vip, bench.customer_org(b.cust, p_orgs) AS org,
               extract(epoch FROM p_now - b.created_at) / 86400 AS age_days
        FROM base b
    ), t2 AS (
        SELECT t1.*,
               CASE
                   WHEN ncomments = 0 AND age_days < 14 THEN 'new'
                   WHEN ncomments = 0 THEN CASE WHEN r_status < 0.7 THEN 'closed' ELSE 'solved' END
                   WHEN age_days < 30 THEN CASE WHEN r_status < 0.35 THEN 'open' WHEN r_status < 0.60 THEN 'pending'
                                                WHEN r_status < 0.65 THEN 'on_hold' ELSE 'solved' END
                   WHEN age_days < 90 THEN CASE WHEN r_status < 0.03 THEN 'open' WHEN r_status < 0.08 THEN 'pending'
                                                WHEN r_status < 0.10 THEN 'on_hold' WHEN r_status < 0.30 THEN 'solved' ELSE 'closed' END
                   ELSE CASE WHEN r_status < 0.008 THEN 'open' WHEN r_status < 0.016 THEN 'pending'
                             WHEN r_status < 0.02 THEN 'on_hold' WHEN r_status < 0.04 THEN 'solved' ELSE 'closed' END
               END AS status,
               -- last activity: the last comment, never later than 90% of the age
               created_at + least(ncomments * gap_hours * 3600, age_days * 86400 * 0.9) * interval '1 second' AS last_activity,
               least(ncomments * gap_hours * 3600, age_days * 86400 * 0.9) AS life_secs
        FROM t1
    )
    SELECT gen_random_uuid() AS id, n, 1000 + n AS number, created_at, ncomments, status, en, vip, product, issue, life_secs,
           bench.uid(p_tenant, 'customer', cust) AS requester_id,
           CASE WHEN org IS NOT NULL THEN bench.uid(p_tenant, 'org', org) END AS organization_id,
           CASE WHEN status = 'new' THEN NULL ELSE v_agents[agent] END AS assignee_id,
           CASE WHEN status = 'new' THEN v_groups[1 + (bench.h(n, 17) % array_length(v_groups, 1))::int] ELSE v_agent_groups[agent] END AS group_id,
           CASE WHEN r_prio < 0.20 THEN 'low' WHEN r_prio < 0.75 THEN 'normal' WHEN r_prio < 0.93 THEN 'high' ELSE 'urgent' END AS priority,
           CASE WHEN r_type < 0.45 THEN 'question' WHEN r_type < 0.80 THEN 'incident' WHEN r_type < 0.90 THEN 'problem' ELSE 'task' END AS type,
           CASE WHEN r_channel < 0.30 THEN 'email' WHEN r_channel < 0.50 THEN 'web' WHEN r_channel < 0.62 THEN 'chat'
                WHEN r_channel < 0.72 THEN 'phone' WHEN r_channel < 0.82 THEN 'wecom' WHEN r_channel < 0.88 THEN 'dingtalk'
                WHEN r_channel < 0.93 THEN 'qr' WHEN r_channel < 0.97 THEN 'api' WHEN r_channel < 0.99 THEN 'sms' ELSE 'webhook' END AS channel,
           tagset,
           CASE WHEN status IN ('solved', 'closed') THEN last_activity END AS solved_at,
           CASE WHEN status = 'closed' THEN least(last_activity + interval '4 days', p_now - interval '1 minute') END AS closed_at,
           last_activity,
           CASE WHEN ncomments > 0 THEN created_at + (life_secs / ncomments) * interval '1 second' END AS first_response_at
    FROM t2;

    -- Texts: subject + 2-3 sentences + the order number, and their search document.
    CREATE TEMP TABLE bench_tt ON COMMIT DROP AS
    SELECT t.id, s.body AS subject,
           d1.body || CASE WHEN t.en THEN ' ' ELSE '' END || g1.body
               || CASE WHEN bench.u(t.n, 18) < 0.5 THEN CASE WHEN t.en THEN ' ' ELSE '' END || g2.body ELSE '' END
               || CASE WHEN t.en THEN ' ' ELSE '' END || op.body || 'SO' || (20240000000 + t.n * 7 % 9999999) || CASE WHEN t.en THEN '.' ELSE '。' END
               AS description,
           bench.join_docs(s.doc, d1.doc, g1.doc, CASE WHEN bench.u(t.n, 18) < 0.5 THEN g2.doc ELSE '' END, op.doc,
                           '''so' || (20240000000 + t.n * 7 % 9999999) || '''') AS doc
    FROM bench_t t
    JOIN bench.subjects s ON s.id = (((CASE WHEN t.en THEN 1 ELSE 0 END) * 20 + t.product) * 20 + t.issue) * 5 + (bench.h(t.n, 6) % 5)::int
    JOIN bench.sentence_counts dc ON dc.kind = 'd' AND dc.lang = (CASE WHEN t.en THEN 1 ELSE 0 END) AND dc.product = t.product
    JOIN bench.sentences d1 ON d1.kind = 'd' AND d1.lang = dc.lang AND d1.product = t.product AND d1.n = (bench.h(t.n, 19) % dc.c)::int
    JOIN bench.sentence_counts gc ON gc.kind = 'g' AND gc.lang = dc.lang AND gc.product = t.product
    JOIN bench.sentences g1 ON g1.kind = 'g' AND g1.lang = dc.lang AND g1.product = t.product AND g1.n = (bench.h(t.n, 20) % gc.c)::int
    JOIN bench.sentences g2 ON g2.kind = 'g' AND g2.lang = dc.lang AND g2.product = t.product
                           AND g2.n = ((bench.h(t.n, 20) + 1 + bench.h(t.n, 31) % (gc.c - 1)) % gc.c)::int
    JOIN bench.order_prefix op ON op.lang = dc.lang;

    INSERT INTO tickets (tenant_id, id, number, subject, description, status, priority, type, channel, requester_id,
                         organization_id, assignee_id, group_id, follower_ids, tags, custom_fields, due_at, parent_id,
                         merged_into_id, created_at, updated_at, first_response_at, solved_at, closed_at, version, search_vector)
    SELECT p_tenant, t.id, t.number, tt.subject, tt.description, t.status, t.priority, t.type, t.channel, t.requester_id,
           t.organization_id, t.assignee_id, t.group_id, '{}',
           CASE WHEN t.vip THEN ts.tags_vip ELSE ts.tags END,
           CASE WHEN bench.u(t.n, 32) < 0.3 THEN jsonb_build_object('product_line', p.key) ELSE '{}' END,
           CASE WHEN t.type = 'task' THEN t.created_at + interval '3 days' END, NULL, NULL,
           t.created_at, coalesce(t.closed_at, t.last_activity), t.first_response_at, t.solved_at, t.closed_at,
           1 + t.ncomments + CASE t.status WHEN 'solved' THEN 1 WHEN 'closed' THEN 2 ELSE 0 END,
           to_tsvector('simple', tt.doc)
    FROM bench_t t
    JOIN bench_tt tt ON tt.id = t.id
    JOIN bench.tag_sets ts ON ts.i = t.tagset
    JOIN bench.products p ON p.i = t.product;

    -- Comments: #1 is the agent's first public reply; later ones alternate customer and
    -- agent replies, about one in five agent comments being an internal note.
    INSERT INTO comments (tenant_id, id, ticket_id, author_type, author_id, body, is_public, channel, mention_ids, created_at,
                          search_vector)
    SELECT p_tenant, gen_random_uuid(), c.ticket_id,
           CASE WHEN c.by_customer THEN 'customer' ELSE 'user' END,
           CASE WHEN c.by_customer THEN c.requester_id::text ELSE c.assignee_id::text END,
           s.body, NOT c.internal, CASE WHEN c.by_customer THEN c.channel ELSE 'web' END, '{}', c.created_at,
           to_tsvector('simple', s.doc)
    FROM (
        SELECT t.id AS ticket_id, t.requester_id, coalesce(t.assignee_id, v_agents[1]) AS assignee_id, t.channel, t.product, t.en, t.n, k,
               k > 1 AND k % 2 = 0 AND bench.u(t.n * 8 + k, 33) >= 0.2 AS by_customer,
               k > 1 AND bench.u(t.n * 8 + k, 33) < 0.2 AS internal,
               t.created_at + (t.life_secs * k / t.ncomments) * interval '1 second' AS created_at
        FROM bench_t t
        CROSS JOIN LATERAL generate_series(1, t.ncomments) AS k
    ) AS c
    JOIN bench.sentence_counts sc ON sc.kind = CASE WHEN c.internal THEN 'n' WHEN c.by_customer THEN 'c' ELSE 'a' END
                                 AND sc.lang = (CASE WHEN c.en THEN 1 ELSE 0 END) AND sc.product = c.product
    JOIN bench.sentences s ON s.kind = sc.kind AND s.lang = sc.lang AND s.product = c.product
                          AND s.n = (bench.h(c.n * 8 + c.k, 34) % sc.c)::int;
END
$$;
