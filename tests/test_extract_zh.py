"""Chinese pattern families, one construction per test (names and companies are made up)."""
from conftest import by_person, run_text

from pipeline.entities import SentenceEntities, find_entities
from pipeline.segment import tokenize


def find(text: str) -> SentenceEntities:
    """The mentions of one sentence, read on its own."""
    return find_entities(text, 0, tokenize(text), set())


def test_title_before_name_with_clause_date():
    events = run_text("星河科技首席运营官王立新于今年3月离职。")
    assert len(events) == 1
    e = events[0]
    assert (e.person, e.org, e.role, e.date, e.date_precision, e.status) == (
        "王立新", "星河科技", "首席运营官", "2025-03", "month", "confirmed")


def test_enumeration_gives_one_event_per_person():
    events = run_text("蓝海银行在过去半年也有周明、吴芳、郑海涛等多位高管相继离职。")
    assert sorted(e.person for e in events) == ["吴芳", "周明", "郑海涛"]
    assert {e.org for e in events} == {"蓝海银行"}
    assert all(e.date is None for e in events)


def test_enumeration_after_baokuo_shares_the_role():
    events = by_person(run_text("远航汽车则有两位高管离职,包括联合创始人孙立和钱多多。"))
    assert set(events) == {"孙立", "钱多多"}
    assert events["钱多多"].role == "联合创始人"
    assert events["孙立"].org == "远航汽车"


def test_titles_and_dates_per_clause():
    text = "以远航汽车为例,首席战略官周明、副总裁吴芳于今年1月离职,首席财务官郑海涛也于本月离职。"
    events = by_person(run_text(text))
    assert events["周明"].date == "2025-01" and events["吴芳"].role == "副总裁"
    assert events["郑海涛"].date == "2025-06" and events["郑海涛"].role == "首席财务官"


def test_de_phrase_names_the_person_after_the_trigger():
    events = run_text("此前离职的远航汽车联合创始人、销售负责人孙立,曾负责商业化。")
    assert [(e.person, e.org, e.role) for e in events] == [("孙立", "远航汽车", "联合创始人、销售负责人")]


def test_lose_family_organization_first_people_after():
    events = by_person(run_text("天启实验室在2024年失去了首席科学家 Alan Turner、CTO Maria Lopez 等关键人物。"))
    assert set(events) == {"Alan Turner", "Maria Lopez"}
    assert events["Maria Lopez"].role == "CTO"
    assert events["Alan Turner"].date == "2024" and events["Alan Turner"].org == "天启实验室"


def test_apposition_and_latin_name():
    events = run_text("Maria Lopez,Anthropic的研究员,在报纸上发表辞职文章。")
    assert [(e.person, e.org, e.role) for e in events] == [("Maria Lopez", "Anthropic", "研究员")]


def test_pronoun_resolves_to_person_in_focus_and_cites_both_sentences():
    events = run_text("李华是极光科技的产品总监,负责三条产品线。他上周宣布辞职。")
    assert len(events) == 1
    e = events[0]
    assert (e.person, e.org) == ("李华", "极光科技")
    assert len(e.sources) == 2


def test_plural_pronoun_takes_people_of_previous_sentence():
    text = "极光科技的首席执行官赵敏、星河科技的副总裁钱进,都曾负责商业化。他们的离职引发关注。"
    events = by_person(run_text(text))
    assert events["赵敏"].org == "极光科技" and events["钱进"].org == "星河科技"


def test_reported_status():
    events = run_text("据报道,极光科技副总裁钱进已离职。")
    assert [(e.person, e.status) for e in events] == [("钱进", "reported")]
    events = run_text("去年11月,极光科技产品负责人刘洋被曝离职创业。")
    assert [(e.person, e.status, e.date, e.destination) for e in events] == [("刘洋", "reported", "2024-11", "创业")]


def test_denied_and_planned_status():
    denied = run_text("星河科技否认总裁王立新离职的传闻。")
    assert [(e.person, e.status) for e in denied] == [("王立新", "denied")]
    planned = run_text("王立新将于2025年12月31日卸任星河科技董事长。")
    assert [(e.person, e.org, e.status, e.date) for e in planned] == [("王立新", "星河科技", "planned", "2025-12-31")]


def test_attempts_layoffs_and_unnamed_people_yield_nothing():
    assert run_text("去年底,极光科技曾尝试挖角星河科技首席架构师刘洋。") == []
    assert run_text("极光科技本月裁员900人,多位员工离职。") == []
    assert run_text("星河科技的一位安全高管被解雇。") == []
    assert run_text("星河科技创始团队已走一半。") == []


def test_poached_from_is_a_departure_with_destination_in_focus():
    events = run_text("极光科技正在扩张。从星河科技挖来的刘洋被提拔负责研发。")
    assert [(e.person, e.org, e.destination) for e in events] == [("刘洋", "星河科技", "极光科技")]


def test_destination_and_reason():
    events = run_text("星河科技视频负责人刘洋离职并加入京东。")
    assert [(e.person, e.org, e.destination) for e in events] == [("刘洋", "星河科技", "京东")]
    events = run_text("极光科技研究员刘洋因为身患重病而选择离职。")
    assert [(e.person, e.reason) for e in events] == [("刘洋", "重病")]


def test_fired_active_and_post_families():
    events = run_text("星河科技解雇了首席财务官陈刚。")
    assert [(e.person, e.org, e.role) for e in events] == [("陈刚", "星河科技", "首席财务官")]
    events = run_text("陈刚辞去星河科技董事长职务。")
    assert [(e.person, e.org) for e in events] == [("陈刚", "星河科技")]


def test_weak_name_right_before_trigger():
    events = run_text("海鸥置业董事长马云峰正式卸任。")
    assert [(e.person, e.org, e.role) for e in events] == [("马云峰", "海鸥置业", "董事长")]


def test_non_departure_uses_of_trigger_words():
    assert run_text("王立新离开电脑四个小时后回来。") == []
    assert run_text("星河科技的离职率今年下降。") == []


def test_traditional_article_gives_same_event_in_its_own_script():
    simplified = run_text("星河科技首席运营官王立新于今年3月离职。")
    traditional_text = "星河科技首席運營官王立新於今年3月離職。"
    traditional = run_text(traditional_text, script="hant")
    assert len(traditional) == 1
    s, t = simplified[0], traditional[0]
    assert (t.person, t.org, t.role, t.date) == ("王立新", "星河科技", "首席運營官", s.date)
    src = t.sources[0]
    assert traditional_text[src.start : src.end] == src.text == traditional_text


def test_aliases_from_gloss_and_surname_mentions():
    text = "吴明(Ming Wu)是星河科技创始成员。吴明上周离职。Alan Turner 是天启实验室的研究员。Turner 也宣布离开天启实验室。"
    events = by_person(run_text(text))
    assert "Ming Wu" in events["吴明"].person_aliases
    assert "Turner" in events["Alan Turner"].person_aliases


def test_removal_from_post_names_the_person_after_the_verb():
    events = run_text("临江市人民政府日前决定,免去周明的临江市财政局局长职务。")
    assert [(e.person, e.org, e.role) for e in events] == [("周明", "临江市财政局", "局长")]


def test_predecessor_in_an_appointment_leaves():
    events = run_text("星河科技6月10日公告,董事会决定由执行副总裁吴芳接替郑海涛的总裁职务。")
    assert [(e.person, e.org, e.role) for e in events] == [("郑海涛", "星河科技", "总裁")]


def test_announcing_organization_is_the_one_left():
    events = run_text("快递平台速运通上周五确认,首席运营官孙立因违反公司合规政策被解雇。")
    assert [(e.person, e.org, e.role) for e in events] == [("孙立", "速运通", "首席运营官")]


def test_this_executive_and_surname_with_zong_resolve_to_the_person_in_focus():
    events = run_text("极光科技副总裁钱进上月卷入风波。公司昨日宣布,该高管已被解雇。")
    assert [(e.person, e.org, len(e.sources)) for e in events] == [("钱进", "极光科技", 2)]
    events = run_text("极光科技首席技术官钱进负责研发多年。知情人士透露,钱总已于本月初离职。")
    assert [(e.person, e.status, e.date) for e in events] == [("钱进", "reported", "2025-06")]


def test_leaving_the_company_is_leaving_the_organization_in_focus():
    events = run_text("2024年上半年,澜海储能的海外销售总监王芳离开公司,加盟了一家德国企业。")
    assert [(e.person, e.org, e.date) for e in events] == [("王芳", "澜海储能", "2024-H1")]


def test_announcement_subject_several_clauses_before_the_trigger():
    events = run_text("星河科技同日公告,刘洋因个人原因,申请辞去公司副总裁职务。")
    assert [(e.person, e.org) for e in events] == [("刘洋", "星河科技")]


def test_denial_later_in_the_sentence():
    events = run_text("针对首席执行官王立新即将离职的传闻,星河科技昨日回应称消息不实。")
    assert [(e.person, e.status) for e in events] == [("王立新", "denied")]


def test_dictionary_words_starting_with_a_surname_are_not_names():
    assert run_text("90后女孩从国企辞职,摆摊卖小吃。") == []
    assert run_text("特斯拉首席技术官宣布辞职。") == []


def test_traditional_source_gives_the_same_events_in_its_own_script():
    simplified = run_text("宏硕电子今日公告,发言人暨财务长林佩璇因生涯规划离职。")
    traditional = run_text("宏碩電子今日公告，發言人暨財務長林佩璇因生涯規劃離職。", script="hant")
    # 暨 joins two posts of one person into one role, like 兼
    assert [(e.person, e.org, e.role) for e in simplified] == [("林佩璇", "宏硕电子", "发言人暨财务长")]
    assert [(e.person, e.org, e.role) for e in traditional] == [("林佩璇", "宏碩電子", "發言人暨財務長")]
    source = "宏碩電子今日公告，發言人暨財務長林佩璇因生涯規劃離職。"
    assert all(source[s.start : s.end] == s.text for s in traditional[0].sources)


# --- constructions added after the fourth blind set (names and companies are made up) ---


def test_compound_surname_opens_a_description_and_her_is_the_topic_later():
    text = "上官若岚此前担任音乐平台听澜的运营总监。有用户发现,她的个人主页近日已删去“听澜”字样,疑似已经离职。"
    events = run_text(text)
    assert [(e.person, e.org, e.role) for e in events] == [("上官若岚", "听澜", "运营总监")]


def test_compound_surname_before_an_honorific_title_is_a_person_not_an_organization():
    events = run_text("北岭理工大学今日宣布,副校长(教学)端木清岚教授将于明年二月离任,转往南湾科技大学任教务长。")
    assert [(e.person, e.org, e.role) for e in events] == [("端木清岚", "北岭理工大学", "副校长")]
    assert events[0].destination == "南湾科技大学"


def test_publication_in_title_marks_before_a_title_is_the_employer():
    events = run_text("据报道,《南潮商业评论》主编邵启明已于5月底离职,该刊尚未回应。")
    assert [(e.person, e.org, e.role, e.status) for e in events] == [("邵启明", "南潮商业评论", "主编", "reported")]


def test_programme_in_title_marks_belongs_to_the_broadcaster():
    events = run_text("海岚电台昨日证实,晚间节目《夜航》主持人卢思琪已于上周离职。")
    assert [(e.person, e.org) for e in events] == [("卢思琪", "海岚电台")]


def test_department_between_company_and_title_is_part_of_the_role():
    text = "同日,安澜商业银行公告,财富管理处处长卫子航、法遵长贝思远及资讯长郁文韬三人相继离职。"
    events = by_person(run_text(text))
    assert set(events) == {"卫子航", "贝思远", "郁文韬"}
    assert {e.org for e in events.values()} == {"安澜商业银行"}
    assert events["卫子航"].role == "财富管理处处长"


def test_region_unit_after_its_is_part_of_the_role():
    events = run_text("社交平台乐聚周二宣布,其亚太区总裁Laura Finch已被解雇。")
    assert [(e.person, e.org, e.role) for e in events] == [("Laura Finch", "乐聚", "亚太区总裁")]


def test_subsidiary_after_its_is_not_the_employer():
    events = run_text("澄川汽车还确认,其销售公司副总经理蒋一帆因违规收受礼品已被开除。")
    assert [(e.person, e.org) for e in events] == [("蒋一帆", "澄川汽车")]


def test_name_before_a_generic_suffix_word_and_a_rare_morpheme_brand():
    events = run_text("老牌面板厂晟曜光电董事长邵国栋昨日宣布,将于明年6月退休。")
    assert [(e.person, e.org, e.role) for e in events] == [("邵国栋", "晟曜光电", "董事长")]
    events = run_text("同日,瑞祥商业银行副总副总经理林可欣离职。")
    assert [e.org for e in events] == ["瑞祥商业银行"]


def test_predecessor_described_by_a_de_phrase_is_the_one_who_left():
    events = run_text("嘉禾人寿公告,董事会决定由财务总监严思诚接替已辞任的总经理童可馨。")
    assert [(e.person, e.org, e.role) for e in events] == [("童可馨", "嘉禾人寿", "总经理")]


def test_contract_ended_with_a_glossed_coach():
    text = "青港足球俱乐部周五发布公告,俱乐部与主教练马克·贝尔纳(Marc Bernard)解除合同。"
    events = run_text(text)
    assert [(e.person, e.org, e.role) for e in events] == [("马克·贝尔纳", "青港足球俱乐部", "主教练")]


def test_removed_from_a_post_in_an_unlisted_government_body():
    text = "南屿省人民政府决定:任命邬海宁为南屿师范大学副校长;免去戴振邦的省自然资源厅副厅长职务。"
    events = run_text(text)
    assert [(e.person, e.org, e.role) for e in events] == [("戴振邦", "省自然资源厅", "副厅长")]


def test_leaving_an_organization_jieba_cuts_apart():
    events = run_text("任职十年的新闻主播伍嘉琳昨日向观众道别,正式离开海韵之声电视。")
    assert [(e.person, e.org) for e in events] == [("伍嘉琳", "海韵之声电视")]


def test_topic_name_after_a_short_lead():
    events = run_text("据悉,欧阳知秋,AI初创公司澄光智能的首席架构师,已于上月中旬出走。")
    assert [(e.person, e.org, e.role, e.status) for e in events] == [("欧阳知秋", "澄光智能", "首席架构师", "reported")]


def test_retirement_at_age_continues_the_previous_clause():
    events = run_text("汇丰泰人寿资深副总柯美玲日前在餐会上告别同事,届龄退休。")
    assert [(e.person, e.org, e.role) for e in events] == [("柯美玲", "汇丰泰人寿", "资深副总")]


def test_stepping_back_from_the_frontline_rumour_denied():
    text = "市场传出,上市物流公司顺程集团主席闵长安明年或将退下火线,集团随后回应称传闻并不属实。"
    events = run_text(text)
    assert [(e.person, e.org, e.status) for e in events] == [("闵长安", "顺程集团", "denied")]


def test_this_bureau_points_to_the_bureau_named_before():
    text = "另外,城市规划局宣布,该局常任秘书长骆嘉文将于年底退休,由副秘书长叶志强署任。"
    events = run_text(text)
    assert [(e.person, e.org, e.role, e.status) for e in events] == [("骆嘉文", "城市规划局", "常任秘书长", "planned")]


def test_bare_copula_gives_the_organization_for_a_later_pronoun():
    text = "蔺书远是澄川汽车数据平台事业部经理。多位人士证实,该高管已于上月底离开澄川汽车。"
    events = run_text(text)
    assert [(e.person, e.org) for e in events] == [("蔺书远", "澄川汽车")]


def test_enumerated_common_words_are_not_names():
    assert run_text("金融业人事异动 寿险、银行、券商高层接连离职") == []


def test_former_marker_glued_to_a_bureau():
    events = run_text("据通报,南湾市规划局原副局长窦永年涉嫌受贿,被开除党籍。")
    assert [(e.person, e.org, e.role) for e in events] == [("窦永年", "南湾市规划局", "副局长")]


def test_hong_kong_department_head():
    events = run_text("政府宣布,渔农事务署署长容家豪因健康原因提早退休。")
    assert [(e.person, e.org, e.role) for e in events] == [("容家豪", "渔农事务署", "署长")]


# --- orchestras, theatres, newspapers, retail: employers found by their last word ---


def test_orchestra_title_before_name_gives_the_orchestra():
    events = run_text("3月2日,松岭交响乐团发布消息,首席指挥尤里·索科洛夫因合约到期离任。")
    assert [(e.person, e.org, e.role, e.date) for e in events] == [("尤里·索科洛夫", "松岭交响乐团", "首席指挥", "2025-03-02")]


def test_theatre_and_rare_compound_surname():
    events = run_text("剧院方面,东湖大剧院总经理巫马清远已于去年底正式退休。")
    assert [(e.person, e.org, e.role, e.date) for e in events] == [("巫马清远", "东湖大剧院", "总经理", "2024")]


def test_artistic_director_of_an_opera_house():
    events = run_text("据业内人士透露,西岭歌剧院艺术总监邵明川近期已提出辞职。")
    assert [(e.person, e.org, e.role) for e in events] == [("邵明川", "西岭歌剧院", "艺术总监")]


def test_time_word_after_a_compound_surname_name():
    events = run_text("青禾银行副行长司空宁今年已辞职。")
    assert [e.person for e in events] == ["司空宁"]


def test_topic_phrases_are_not_employers():
    text = "新年伊始,国内古典音乐圈人事变动频繁。\n1月5日,北溪交响乐团宣布,音乐总监费明轩因个人健康原因离任。"
    events = run_text(text)
    assert [(e.person, e.org, e.role) for e in events] == [("费明轩", "北溪交响乐团", "音乐总监")]


def test_sector_before_a_generic_title_is_no_employer():
    text = "十月公募行业高管变动提速\n其中最受关注的是岩川基金。该公司10月28日公告,总经理石卫东因工作调整离任。"
    events = run_text(text, published="2025-11-02")
    assert [(e.person, e.org, e.date) for e in events] == [("石卫东", "岩川基金", "2025-10-28")]


def test_bare_company_stands_for_the_company_in_focus():
    text = "墨川生物发布公告,首席执行官魏远山辞任。\n同日,公司另一位核心人物Petra Lindgren博士也宣布离开。"
    events = by_person(run_text(text))
    assert events["Petra Lindgren"].org == "墨川生物"


def test_preposition_glued_to_a_club_is_not_part_of_it():
    text = "南港FC官方公告\n经俱乐部董事会研究决定,中场球员上官俊被裁。"
    events = run_text(text)
    assert [(e.person, e.org) for e in events] == [("上官俊", "南港FC")]


# --- Taiwan and Hong Kong filings ---


def test_titles_joined_by_ji_are_one_role_and_paren_day_dates_it():
    text = "【重訊】青禾電子今（5）日公告發言人異動,原發言人暨財務主管杜雅婷因個人生涯規劃請辭,即日生效。"
    events = run_text(text, published="2025-08-05", script="hant")
    assert [(e.person, e.org, e.role, e.date) for e in events] == [("杜雅婷", "青禾電子", "發言人暨財務主管", "2025-08-05")]


def test_effective_date_after_the_resignation():
    text = "晴川置業控股有限公司董事會宣佈,執行董事胡家明先生已辭任執行董事職務,自二零二五年六月三十日起生效。"
    events = run_text(text, published="2025-06-30", script="hant")
    assert [(e.person, e.date) for e in events] == [("胡家明", "2025-06-30")]


def test_last_working_day_without_a_year_is_the_nearest():
    events = run_text("本港電視台青山電視昨日宣布,新聞部總監石志強已請辭,其最後工作日為7月31日。", published="2025-07-08", script="hant")
    assert [(e.person, e.date) for e in events] == [("石志強", "2025-07-31")]


def test_announced_month_is_read_forward():
    events = run_text("業界盛傳,青禾航空董事長任建國或將於6月股東常會後交棒。", published="2025-04-28", script="hant")
    assert [(e.person, e.date, e.status) for e in events] == [("任建國", "2025-06", "rumored")]


def test_last_night_dates_a_coach_sacking():
    events = run_text("中甲球队北溪足球俱乐部昨晚宣布,主教练卡洛斯·门德斯下课。", published="2025-07-06")
    assert [(e.person, e.org, e.date) for e in events] == [("卡洛斯·门德斯", "北溪足球俱乐部", "2025-07-05")]


def test_fired_by_the_company_that_announces():
    text = "晴川航空同時證實,資深機師、機師工會理事長范國棟已於上週五遭公司解僱。"
    events = run_text(text, published="2025-06-16", script="hant")
    assert [(e.person, e.org) for e in events] == [("范國棟", "晴川航空")]


def test_retail_chain_named_after_its_kind_and_speaker_answering():
    text = "翔雲航空對此表示不評論。\n零售通路方面,連鎖超市好味家昨（9）日公告,執行長魏子昂請辭獲准。"
    events = run_text(text, published="2025-06-10", script="hant")
    assert [(e.person, e.org, e.date) for e in events] == [("魏子昂", "好味家", "2025-06-09")]


def test_future_post_is_a_destination_not_the_employer():
    text = "岚山FC官方公告\n俱乐部同时确认,已于上月离职的体能教练曹乐将出任东港海鹰队体能总监。"
    events = run_text(text)
    assert [(e.person, e.org) for e in events] == [("曹乐", "岚山FC")]


# --- unseen-news recall: names, organizations and constructions ---------------------


def test_lai_surname_and_glued_ze_after_the_name():
    text = "旗下云朗银行资深副总经理赖昭宏则届龄退休。"
    events = run_text(text)
    assert [(e.person, e.org) for e in events] == [("赖昭宏", "云朗银行")]


def test_title_ending_in_zhang_is_not_glued_to_the_name():
    events = run_text("岚桥基金公告称,督察长项雪芸已到龄退休。")
    assert [(e.person, e.role) for e in events] == [("项雪芸", "督察长")]


def test_compound_surname_with_one_character_given_name_before_a_verb():
    events = run_text("北辰证券投行部执行董事司徒岚带领团队集体出走。")
    assert [(e.person, e.org) for e in events] == [("司徒岚", "北辰证券")]


def test_compound_surname_name_before_yanzhong():
    events = run_text("原党委书记、董事长尉迟峰严重违纪违法被双开。")
    assert "尉迟峰严" not in [e.person for e in events]


def test_numbered_hospital_is_an_organization():
    text = "任命贺文博为南平市第三人民医院院长,接替已到龄退休的原院长庄世明。"
    events = run_text(text)
    assert [(e.person, e.org) for e in events] == [("庄世明", "南平市第三人民医院")]


def test_financial_holding_company_speaks_with_a_dated_paren():
    text = "朗峰金控昨(4)日董事会通过,财务长沈嘉禾因生涯规划请辞。"
    events = run_text(text, published="2026-03-05")
    assert [(e.person, e.org) for e in events] == [("沈嘉禾", "朗峰金控")]


def test_sponsor_named_club_side_and_short_position():
    text = "海岸能源女排今日宣布,老将主攻钱雨桐正式退役,告别效力十年的母队。"
    events = run_text(text)
    assert [(e.person, e.org) for e in events] == [("钱雨桐", "海岸能源女排")]


def test_topic_phrase_after_a_kind_word_is_no_organization():
    text = "开年不到一月,投行圈已迎来一轮密集的人员流动。\n南陵证券投行部董事总经理温若川近日离职。"
    events = run_text(text)
    assert [(e.person, e.org) for e in events] == [("温若川", "南陵证券")]



def test_personal_agency_is_not_an_organization():
    from pipeline.entities import find_entities
    from pipeline.segment import tokenize

    text = "据知情人士透露,许安澜离巢后将自立门户,成立个人经理人公司。"
    ents = find_entities(text, 0, tokenize(text), set())
    assert "个人经理人公司" not in [o.text for o in ents.orgs]


def test_weekday_between_a_weak_name_and_the_trigger():
    events = run_text("澄汉科技也公告,研发长上官以琳上周三离职。")
    assert [(e.person, e.org) for e in events] == [("上官以琳", "澄汉科技")]


def test_company_secretary_is_a_title_and_the_subject_carries_over():
    text = "栢泓物业服务公告,执行董事兼公司秘书麦嘉雯因拟投放更多时间于其他事务,已辞任上述职务。"
    events = run_text(text)
    assert [(e.person, e.org) for e in events] == [("麦嘉雯", "栢泓物业服务")]


def test_leaving_the_institution_one_served():
    events = run_text("沐岩资本创始合伙人欧阳映川近日离开其效力十年的机构,另立新基金。")
    assert [(e.person, e.org) for e in events] == [("欧阳映川", "沐岩资本")]


def test_contract_ended_with_a_coach_of_stated_nationality():
    events = run_text("中甲球队南湾海燕今日宣布,与西班牙籍主教练卡洛斯·贝尔特解除合同。")
    assert [(e.person, e.org) for e in events] == [("卡洛斯·贝尔特", "南湾海燕")]


def test_suspected_departure_with_yisi_before_the_verb():
    events = run_text("另有消息称,北岭市人民医院心内科主任、知名专家岑书远疑似已离开医院。")
    assert [e.person for e in events] == ["岑书远"]



def test_two_people_named_then_counted_complete_formalities():
    text = "据悉,北辰证券团队核心成员还包括副总裁闵嘉树和高级经理邝立言,两人均已办理完离职手续。"
    events = by_person(run_text(text))
    assert set(events) == {"闵嘉树", "邝立言"}



def test_poached_person_is_the_subject_of_shi():
    text = "值得一提的是,程慕远是魏伦两年前从竞品品牌星驰汽车挖来的。"
    events = run_text(text)
    assert [(e.person, e.org) for e in events] == [("程慕远", "星驰汽车")]


def test_latin_name_before_professor_is_a_person():
    events = run_text("另外,海湾大学今日证实,医学院院长Thomas Whitfield教授将于明年约满后离任。")
    assert [(e.person, e.org) for e in events] == [("Thomas Whitfield", "海湾大学")]


def test_wire_dateline_reporter_is_not_the_one_who_resigns():
    text = "(中央社记者钟雅芬台北2026年3月12日电)国家气象研究院院长魏子谦日前以健康为由请辞。"
    events = run_text(text, published="2026-03-12")
    assert [e.person for e in events] == ["魏子谦"]



def test_contract_not_renewed_and_stepping_back():
    events = run_text("远川影业宣布,执行董事戚慕白合约届满,不再续约。")
    assert [(e.person, e.org) for e in events] == [("戚慕白", "远川影业")]


def test_discipline_notice_gives_dismissal_to_the_named_official():
    text = "南岭市交通局原局长苗启航严重违纪违法。经研究,决定给予苗启航开除公职处分。"
    events = run_text(text)
    assert [(e.person, e.org) for e in events] == [("苗启航", "南岭市交通局")]


# --- institutions, names and short forms (invented examples) ----------


def test_museum_head_and_museum_suffix():
    events = run_text("东湖当代博物馆馆长岑晓岚下月退休。")
    assert [(e.person, e.org, e.role) for e in events] == [("岑晓岚", "东湖当代博物馆", "馆长")]


def test_kindergarten_and_high_school_heads():
    events = run_text("新竹县私立明德高中校长蒲嘉言上周请辞。")
    assert [(e.person, e.org, e.role) for e in events] == [("蒲嘉言", "明德高中", "校长")]


def test_actuary_title_inside_an_enumeration():
    text = "二季度又有三位保险业高管离任:嘉源人寿首席风险官包明、润丰财险总精算师柯珂、和禄保险董事会秘书岳宁先后辞职。"
    events = by_person(run_text(text))
    assert set(events) == {"包明", "柯珂", "岳宁"}
    assert (events["柯珂"].org, events["柯珂"].role) == ("润丰财险", "总精算师")


def test_measure_word_after_number_is_not_part_of_a_company():
    text = "本月已有12家上市公司公告董事变动。另据报道,曦禾光伏首席财务官孔雪宁近日离职。"
    events = run_text(text)
    assert [(e.person, e.org) for e in events] == [("孔雪宁", "曦禾光伏")]


def test_national_team_named_by_its_sport():
    events = run_text("国家跳水队外籍主帅 Mark Dalton 本月离任。")
    assert [(e.person, e.org, e.role) for e in events] == [("Mark Dalton", "国家跳水队", "外籍主帅")]


def test_kind_word_then_name_then_adverb_before_announcement():
    events = run_text("面板厂澄岳电子亦宣布,财务长钟美霖将于下月退休。", published="2026-03-20")
    assert [(e.person, e.org) for e in events] == [("钟美霖", "澄岳电子")]


def test_second_title_after_comma_is_not_an_organization():
    text = "速邦物流副总裁、渠道运营主管莫凯日前被曝已经离职。"
    events = run_text(text)
    assert [(e.person, e.org) for e in events] == [("莫凯", "速邦物流")]


def test_adverb_or_copula_after_a_name_is_not_part_of_it():
    events = run_text("青禾影业证实,东方澈确已离职。")
    assert [(e.person, e.org) for e in events] == [("东方澈", "青禾影业")]


def test_move_with_pronoun_subject_and_marked_source():
    text = "柏嘉宁加入星澜能源不足一年,她是在今年初从东岚资本加盟星澜能源的。"
    events = run_text(text)
    assert [(e.person, e.org, e.destination) for e in events] == [("柏嘉宁", "东岚资本", "星澜能源")]


def test_short_form_after_cong_is_the_full_organization():
    text = "晴川影业董事长、前青禾传媒总裁闻人若岚据传将从晴川出走。"
    events = by_person(run_text(text))
    assert events["闻人若岚"].org == "晴川影业"


def test_leaving_the_institute_pointed_to():
    events = run_text("南湾击剑学院宣布,法国籍教头马蒂厄·勒布朗本周离开该校。")
    assert [(e.person, e.org) for e in events] == [("马蒂厄·勒布朗", "南湾击剑学院")]


def test_name_before_researcher_title_is_a_person():
    text = "西岭材料研究所近日宣布,闻人煦东研究员不再担任所长。"
    events = run_text(text, published="2026-07-08")
    assert [(e.person, e.org) for e in events] == [("闻人煦东", "西岭材料研究所")]


def test_quoted_short_form_of_a_filing_is_the_same_person():
    text = (
        "恒岳控股有限公司公布,执行董事端木俊豪先生(「端木先生」)辞任,即时生效。"
        "端木先生表示,其辞任乃由于希望专注个人事务。"
    )
    events = run_text(text)
    assert [e.person for e in events] == ["端木俊豪"]
    assert "端木先生" in events[0].person_aliases


def test_first_two_words_of_a_long_latin_name_are_the_same_person():
    text = (
        "种植集团海澜湾控股周一宣布,董事经理 David Lim Boon Kiat 即日起辞职。"
        "该公司发文称,David Lim 请辞是出于健康原因。"
    )
    events = run_text(text)
    assert [(e.person, e.org) for e in events] == [("David Lim Boon Kiat", "海澜湾控股")]


def test_malaysian_honorific_is_not_a_name():
    text = "(槟城8日讯)岭南置业总裁丹斯里邓国良今日宣布退休。"
    events = run_text(text, published="2026-03-10")
    assert [(e.person, e.org, e.role) for e in events] == [("邓国良", "岭南置业", "总裁")]


def test_removed_by_the_board_in_taiwan_filings():
    events = run_text("据报道,晶圆厂澄芯半导体董事长邱政宏已遭董事局解任。", published="2026-03-20")
    assert [(e.person, e.org) for e in events] == [("邱政宏", "澄芯半导体")]


def test_name_then_generic_word_then_group_is_an_organization():
    text = "霁川国际集团有限公司公布,副主席方慧恩女士因另有发展请辞。"
    events = run_text(text, published="2026-06-30")
    assert [(e.person, e.org) for e in events] == [("方慧恩", "霁川国际集团有限公司")]


def test_dotted_foreign_name_with_words_jieba_reads_as_common():
    # jieba tags 塞 as a verb and 万 as a number: the transliteration characters of
    # models/transliteration_zh.txt keep the name whole.
    events = run_text("北岸联队5月4日晚发布公告,主教练塞巴斯万·莫拉菲尔特因战绩不佳下课。")
    assert [(e.person, e.org) for e in events] == [("塞巴斯万·莫拉菲尔特", "北岸联队")]


def test_dotted_foreign_name_before_a_latin_gloss():
    events = run_text("青石科技原首席技术官卡尔·霍德格伦(Carl Hodgren)已于今年5月退休。")
    assert [(e.person, e.role) for e in events] == [("卡尔·霍德格伦", "首席技术官")]


def test_you_and_zi_after_a_compound_surname_name_start_the_predicate():
    events = run_text("食品饮料首席分析师乐正岚由青州证券转投启曜证券。")
    assert [(e.person, e.org) for e in events] == [("乐正岚", "青州证券")]


def test_sector_between_employer_and_title_is_part_of_the_post():
    # 医药行业 stands before the title but the employer is the broker named before it.
    events = run_text("云帆证券医药行业首席分析师罗一鸣已于本月离职。")
    assert [(e.person, e.org, e.role) for e in events] == [("罗一鸣", "云帆证券", "医药行业首席分析师")]


def test_latin_brand_after_a_description_stays_the_employer():
    events = run_text("德国精密仪器企业Quorvex中国区总裁Jonas Vark已于9月底卸任。")
    assert [(e.person, e.org) for e in events] == [("Jonas Vark", "Quorvex")]


def test_kind_named_company_before_a_date_and_announcing_verb():
    events = run_text("烘焙连锁集团麦香坊于本周三宣布，市场总监林志豪将于年底离职。", published="2026-06-30")
    assert [(e.person, e.org) for e in events] == [("林志豪", "麦香坊")]


def test_topic_of_a_denial_is_not_an_employer():
    text = "谈到恒达物流，公司否认坊间传言有关首席运营官上官美玲被解雇的说法。"
    events = run_text(text, published="2026-06-30")
    assert [(e.person, e.org, e.status) for e in events] == [("上官美玲", "恒达物流", "denied")]


def test_dotted_name_with_wen_and_men_stays_whole():
    # jieba reads 文 and 皮门 as ordinary words; models/transliteration_zh.txt keeps them
    # inside a dotted foreign name.
    events = run_text("支付平台云付通首席财务官阿南德·文卡特斯瓦兰已于上月离职。")
    assert [(e.person, e.org) for e in events] == [("阿南德·文卡特斯瓦兰", "云付通")]
    events = run_text("北港队助理教练若泽·皮门托斯已离开球队。")
    assert [(e.person, e.org) for e in events] == [("若泽·皮门托斯", "北港队")]


def test_unit_of_the_employer_joins_the_role():
    # 手机产品线 and 护理部 are units of the company named before (or pointed to by 该行).
    events = run_text("手机厂商岚星科技昨日确认，手机产品线总裁闻思远已于上周三离职。", published="2026-06-30")
    assert [(e.person, e.org, e.role) for e in events] == [("闻思远", "岚星科技", "手机产品线总裁")]
    events = run_text("澄溪银行发言人证实，该行财富管理部主管骆清源已于本月初离职。", published="2026-06-30")
    assert [(e.person, e.org, e.role) for e in events] == [("骆清源", "澄溪银行", "财富管理部主管")]


def test_employer_then_regional_unit_splits():
    events = run_text("速骋快运华南大区总经理岑立言被解雇一事持续发酵。")
    assert [(e.person, e.org, e.role) for e in events] == [("岑立言", "速骋快运", "华南大区总经理")]


def test_short_form_defined_in_brackets_is_the_organization_later():
    text = "据悉，学而精在线（学精）原副总裁慕容澜今年上半年离开学精，转投职教机构青禾职教。"
    events = run_text(text, published="2026-06-30")
    assert [(e.person, e.org) for e in events] == [("慕容澜", "学而精在线")]


def test_short_form_without_suffix_names_the_organization_named_before():
    text = "瀚衡律师事务所合伙人公冶明远近日宣布加盟鸿汇律师事务所。公冶明远已于4月底离开瀚衡。"
    events = run_text(text, published="2026-06-30")
    assert [(e.person, e.org) for e in events] == [("公冶明远", "瀚衡律师事务所")]


def test_leaving_a_band_counts_but_leaving_a_project_does_not():
    events = run_text("独立乐团「南岸回声」主唱韩予泽昨日宣布退出乐团。", published="2026-06-30")
    assert [(e.person, e.org) for e in events] == [("韩予泽", "南岸回声")]
    assert run_text("某支付平台宣布退出一个数字货币项目，并称将专注本地业务。") == []


def test_transfer_names_the_club_left_and_the_one_joined():
    text = "申江海狮足球俱乐部今日官宣，队长肖一锐正式转会至天府熊猫足球俱乐部。"
    events = run_text(text, published="2026-06-30")
    assert [(e.person, e.org, e.destination) for e in events] == [("肖一锐", "申江海狮足球俱乐部", "天府熊猫足球俱乐部")]
    # Joining the club that speaks is no departure from it.
    assert run_text("北港联足球俱乐部官方宣布，前国脚严一帆自由转会加盟球队。") == []


def test_demonstrative_before_a_kind_points_to_the_organization_in_focus():
    text = "二、庆川银行：这家股份制银行3月19日晚间公告，副行长罗立岱因到龄退休。"
    events = run_text(text, published="2026-06-30")
    assert [(e.person, e.org) for e in events] == [("罗立岱", "庆川银行")]


def test_zhe_wei_refers_to_the_person_the_sentence_before_ends_on():
    text = "上半年最受关注的当属澜远基金的柏思齐。这位管理规模一度超过三百亿元的“消费一哥”在4月离开澜远基金。"
    events = run_text(text, published="2026-06-30")
    assert [(e.person, e.org) for e in events] == [("柏思齐", "澜远基金")]


def test_post_named_before_the_succession_gives_the_predecessor():
    text = "本月中，长岳证券发布公告，董事长一职由总裁邵一言接替申屠瀚明担任。"
    events = run_text(text, published="2026-06-30")
    assert [(e.person, e.org) for e in events] == [("申屠瀚明", "长岳证券")]


def test_term_ending_without_renewal_is_planned():
    text = "北海证券交易所宣布，副总经理钱伯明将于今年12月31日任期届满后不再连任。"
    events = run_text(text, published="2026-06-30")
    assert [(e.person, e.status) for e in events] == [("钱伯明", "planned")]


def test_same_day_and_the_decision_opening_the_line_date_a_departure():
    text = "11月18日，澄川基金公告总经理严立行离任。同一天，远川基金也披露：督察长夏琳蓉因到龄退休。"
    events = run_text(text, published="2026-11-20")
    assert {(e.person, e.date) for e in events} == {("夏琳蓉", "2026-11-18"), ("严立行", "2026-11-18")}
    text = "3月31日，中共澄州市委决定：郑宏达任澄州市第一人民医院院长；免去陈立言的澄州市第一人民医院院长职务。"
    events = run_text(text, published="2026-04-02")
    assert [(e.person, e.date) for e in events] == [("陈立言", "2026-03-31")]


def test_long_reason_between_name_and_trigger_and_qi_after_mianqu():
    text = "澜图娱乐(01234)公布，林海川因澜图控股有限公司(05678)内部工作调动原因已辞任公司执行董事。"
    events = run_text(text, published="2026-06-30")
    assert [e.person for e in events] == ["林海川"]
    text = "2026年8月28日，徐之岩受到党内严重警告处分，免去其南川县财政局局长职务。"
    events = run_text(text, published="2026-09-01")
    assert [(e.person, e.org) for e in events] == [("徐之岩", "南川县财政局")]


def test_name_after_cong_before_the_verb_is_the_organization_left():
    text = "去年底从拾月社区离职的前产品负责人冉清，如今加入了初创公司栖禾科技。"
    events = run_text(text, published="2026-06-30")
    assert [(e.person, e.org) for e in events] == [("冉清", "拾月社区")]
    assert run_text("他去年从北京离职后回到老家。") == []


def test_first_person_in_a_quote_is_the_speaker():
    text = "资深编辑卓言今天在微博上写道：“我已经离开了《城南周刊》，十二年，谢谢大家。”"
    events = run_text(text, published="2026-06-30")
    assert [(e.person, e.org) for e in events] == [("卓言", "城南周刊")]


def test_latin_tail_of_a_brand_and_a_shop_named_in_quotes():
    events = run_text("一年之内，智穹AI联合创始人秦远、产品副总裁罗晓帆相继离职。", published="2026-06-30")
    assert {(e.person, e.org) for e in events} == {("秦远", "智穹AI"), ("罗晓帆", "智穹AI")}
    events = run_text("本地连锁饼店「金穗坊」第二代掌舵人区倩莹宣布辞任董事总经理。", published="2026-06-30")
    assert [(e.person, e.org) for e in events] == [("区倩莹", "金穗坊")]


def test_suffixes_jieba_cut_across_and_a_commission_with_he():
    text = "瀚川科技股份有限公司（以下简称“瀚川科技”）今晚公告，公司董事会收到副总经理邵启元递交的书面辞职报告。"
    events = run_text(text, published="2026-11-22")
    assert [(e.person, e.org) for e in events] == [("邵启元", "瀚川科技股份有限公司")]
    text = "南岭省人民政府发布通知，免去俞海川的南岭省发展和改革委员会主任职务。"
    events = run_text(text, published="2026-11-22")
    assert [(e.person, e.org) for e in events] == [("俞海川", "南岭省发展和改革委员会")]


def test_given_name_opening_with_yi_after_a_title_and_a_graduate_who_joins():
    text = "据悉，新茶饮品牌芝禾小铺首席营销官钱以宁已于本月初离职。"
    events = run_text(text, published="2026-06-30")
    assert [(e.person, e.org) for e in events] == [("钱以宁", "芝禾小铺")]
    assert run_text("刚从北溪大学博士毕业的段嘉言加入了创业公司零二矩阵，担任算法研究员。") == []


def test_record_lines_of_a_personnel_list():
    text = (
        "北汀医科大学附属医院调整一批中层干部\n"
        "通知中涉及的人员如下：\n"
        "姓名：田秋言；原职务：心胸外科主任；变动：离任（退休）\n"
        "姓名：钱梓言；原职务：医务处副处长；变动：离任（调往北汀市妇幼保健院）\n"
        "姓名：俞晨言；原职务：急诊科副主任；变动：留任"
    )
    events = run_text(text, published="2026-06-30")
    got = {(e.person, e.org, e.role, e.destination) for e in events}
    assert got == {
        ("田秋言", "北汀医科大学附属医院", "心胸外科主任", None),
        ("钱梓言", "北汀医科大学附属医院", "医务处副处长", "北汀市妇幼保健院"),
    }
    assert all(any("姓名" in s.text for s in e.sources) for e in events)  # the line naming the person is cited


def test_bare_gongsi_opening_a_line_is_the_organization_the_line_before_named():
    text = (
        "创新药企高管变动盘点：研发人才流动加快\n"
        "最受关注的是澄岚药业。去年5月，公司首席科学官闵若川离职。"
    )
    events = run_text(text, published="2026-01-05")
    assert [(e.person, e.org) for e in events] == [("闵若川", "澄岚药业")]


def test_sector_and_determiner_phrases_are_not_organizations():
    events = run_text("另一家药企禾川制药则经历了一场换帅：该公司宣布，董事会决定免去范知远的总经理职务。", published="2026-10-28")
    assert [(e.person, e.org) for e in events] == [("范知远", "禾川制药")]
    events = run_text("芯片行业首席分析师宗政岩已于上周离开北屿证券。", published="2026-07-09")
    assert [(e.person, e.org, e.role) for e in events] == [("宗政岩", "北屿证券", "芯片行业首席分析师")]


def test_ministry_department_joins_the_role_and_honorific_after_a_name():
    text = "据国家林草资源部网站消息，该部规划财务司司长甘立平已调任东岭省副省长，不再担任规划财务司司长职务。"
    events = run_text(text, published="2026-09-02")
    assert [(e.person, e.org) for e in events] == [("甘立平", "国家林草资源部")]
    assert events[0].role.endswith("财务司司长")
    events = run_text("西屿大学发布任免通知，邝蔚之教授因工作变动，不再担任常务副校长职务。", published="2026-09-02")
    assert [(e.person, e.org) for e in events] == [("邝蔚之", "西屿大学")]


def test_a_prediction_about_retiring_some_day_is_no_event():
    assert run_text("导师卞文石教授笑称，自己最多再带两届学生就退休。", published="2026-11-08") == []


def test_transfer_to_another_post_leaves_the_organization_before_the_verb():
    text = "记者从北岚理工大学获悉，该校副校长莫知行已调任省教育厅副厅长。"
    events = run_text(text, published="2026-09-02")
    assert [(e.person, e.org, e.role) for e in events] == [("莫知行", "北岚理工大学", "副校长")]
    assert events[0].destination.startswith("省教育厅")
    text = "此外，南川文旅产业集团原总经理贺一鸣已于上月底调离，其职务由董事长兼任。"
    events = run_text(text, published="2026-07-02")
    assert [(e.person, e.org) for e in events] == [("贺一鸣", "南川文旅产业集团")]


def test_nickname_between_title_and_name_and_a_dotted_name_after_xuanbu():
    text = "网传星川卫视当家主持人“小桃姐”邝语岚将离开台里、转战网络综艺。"
    events = run_text(text, published="2026-10-02")
    assert [(e.person, e.org, e.role) for e in events] == [("邝语岚", "星川卫视", "主持人")]
    text = "北港联今日官宣，主教练埃尔南多·巴斯科下课，双方解除合同。"
    assert [e.person for e in run_text(text, published="2026-10-02")] == ["埃尔南多·巴斯科"]
    text = "继南岭猎鹰本周二宣布迭戈·卡雷拉下课后，东川俱乐部主教练马可·费里因个人原因辞职。"
    assert "迭戈·卡雷拉" in {e.person for e in run_text(text, published="2026-10-02")}


def test_organization_announcing_is_not_cut_at_its_verb_and_xiexia_is_a_post_trigger():
    text = "南安人寿保险股份有限公司发布公告称，因到龄退休，柯振邦不再担任公司董事长职务。"
    events = run_text(text, published="2026-11-19")
    assert [(e.person, e.org) for e in events] == [("柯振邦", "南安人寿保险股份有限公司")]
    text = "今年三月，在晶岳半导体服务十八年的邬宗瀚卸下技术长职务，转投新创公司光屿科技。"
    events = run_text(text, published="2026-10-19")
    assert [(e.person, e.org) for e in events] == [("邬宗瀚", "晶岳半导体")]


def test_organization_served_at_before_the_person_is_the_one_left():
    text = "今年三月，在晶岳半导体服务十八年的邬宗瀚卸下技术长职务，转投光屿科技。"
    events = run_text(text, published="2026-10-19")
    assert [(e.person, e.org) for e in events] == [("邬宗瀚", "晶岳半导体")]


def test_kind_phrase_before_the_name_after_you_and_a_trading_house():
    events = run_text("其中营运总监关志诚便是由连锁快餐集团金樽餐饮转投凯乐记。", published="2026-11-19")
    assert [(e.person, e.org) for e in events] == [("关志诚", "金樽餐饮")]
    events = run_text("一九九四年，董事蔡志恒由英资洋行嘉庆洋行转投恒昌集团。", published="2026-11-19")
    assert [(e.person, e.org) for e in events] == [("蔡志恒", "嘉庆洋行")]


def test_an_ordinary_word_and_a_stray_character_are_no_name():
    assert run_text("问：外界很好奇，为什么选在这个时间点离开？", published="2026-11-19") == []


def test_table_name_cell_with_a_gloss():
    text = (
        "2026年券商研究所所长变动一览\n"
        "姓名｜原机构｜原职务｜离任时间｜去向\n"
        "Tom Lau（刘家豪）｜澄屿证券｜研究所所长｜2026年下半年｜北弘基金"
    )
    events = run_text(text, published="2026-11-19")
    assert [(e.person, e.org) for e in events] == [("Tom Lau", "澄屿证券")]


def test_contract_not_renewed_by_both_sides_and_a_move_in_a_clause_without_subject():
    text = "北川足球俱乐部方面，主教练马赛尔·杜兰与俱乐部的合同将于本月底到期，双方已确定不再续约。"
    assert [e.person for e in run_text(text, published="2026-11-19")] == ["马赛尔·杜兰"]
    text = "同一天，前云屿智算技术长Owen Tsai也在社群平台宣布，已加入一家美系云端大厂。"
    events = run_text(text, published="2026-11-19")
    assert [(e.person, e.org) for e in events] == [("Owen Tsai", "云屿智算")]


def test_former_post_after_the_organization_and_a_developer_kind_before_a_name():
    text = "跨国药企诺川制药前中国区总裁Hans Weber本周正式加入百禾生物，出任全球商务负责人。"
    events = run_text(text, published="2026-11-19")
    assert [(e.person, e.org, e.destination) for e in events] == [("Hans Weber", "诺川制药", "百禾生物")]
    text = "据知情人士透露，本地发展商嘉禾置地两名执行董事相继请辞，分别为负责商业物业的梁浩川及财务总监区美玲。"
    events = run_text(text, published="2026-11-19")
    assert {(e.person, e.org) for e in events} == {("梁浩川", "嘉禾置地"), ("区美玲", "嘉禾置地")}


def test_given_name_ending_in_ren_before_a_reason():
    events = run_text("晶岳微电子今日公告，财务长林佑任因个人生涯规划请辞。", published="2026-11-19")
    assert [e.person for e in events] == ["林佑任"]


def test_quote_opening_a_line_is_said_by_the_speaker_named_after_it():
    text = "“我已经离开了云杉智能，接下来先休息一段时间。”昨日，云杉智能联合创始人、首席科学家万俟晴在朋友圈这样写道。"
    events = run_text(text, published="2026-05-01")
    assert [(e.person, e.org) for e in events] == [("万俟晴", "云杉智能")]
    assert any("万俟晴" in s.text for s in events[0].sources)  # the line naming the speaker is cited
    text = "资深媒体人卓岚今天在微博上写道：“我已经离开了《南城周刊》，十二年，谢谢每一位同事。”"
    assert [(e.person, e.org) for e in run_text(text, published="2026-05-01")] == [("卓岚", "南城周刊")]


def test_three_character_name_before_tongri_and_a_generic_word_cut_in_two():
    text = "瑞丰金控今日公告，旗下瑞丰银行资深副总经理张凯明、瑞丰证券副总经理庄惠如同日请辞。"
    events = run_text(text, published="2026-11-23")
    assert {e.person for e in events} == {"张凯明", "庄惠如"}
    assert run_text("三家上市柜公司高层异动，多位高管请辞。", published="2026-11-23") == []


def test_she_with_nobody_in_focus_is_the_subject_an_earlier_line_introduced():
    text = (
        "星川电商的老兵们，正在告别一个时代\n"
        "2019年冬天，宗雨晴第一次走进星川电商杭州总部。\n"
        "此后六年，员工们习惯叫她宗总。\n"
        "但8月中旬，一封内部邮件让员工措手不及：她将不再担任直播事业部总经理。\n"
        "据接近她的人士透露，她的下一站是跨境电商初创公司“海川拾光”，职位是联合创始人。\n"
        "她并不是第一个离开的老兵。"
    )
    events = run_text(text, published="2026-08-25")
    assert {(e.person, e.org) for e in events} == {("宗雨晴", "星川电商")}


def test_brand_word_after_a_kind_and_a_company_founded_named_after_its_kind():
    text = (
        "在北京中关村一栋不起眼的写字楼里，苗振东正对着白板画架构图。\n"
        "2019年，他从搜索巨头千帆科技离职，带着三名同事创办了对话式AI公司知远未来。\n"
        "而前语音组负责人阙雅琪在知远未来任职五年后，已于2024年底离开，如今在深圳创办了一家AI硬件公司。"
    )
    events = run_text(text, published="2026-10-12")
    assert {(e.person, e.org) for e in events} == {("苗振东", "千帆科技"), ("阙雅琪", "知远未来")}


def test_former_post_marked_yuan_and_a_post_taken_elsewhere():
    events = run_text("原老灶餐饮集团副总裁戚晓川近日出任快餐连锁品牌麦禾堂总裁。", published="2026-08-06")
    assert [(e.person, e.org) for e in events] == [("戚晓川", "老灶餐饮集团")]
    events = run_text("前天，瑞川市第一人民医院肿瘤科原主任葛春林正式入职百瑞医药，出任首席医学官。", published="2026-10-28")
    assert [(e.person, e.org) for e in events] == [("葛春林", "瑞川市第一人民医院")]
    assert run_text("原星川科技副总裁王明远出任星川科技总裁。", published="2026-08-06") == []  # a promotion
    text = "前云鲸出行首席运营官卓思成已加入出行平台快驰，接替今年10月离职的司马卓越出任快驰总裁。"
    events = run_text(text, published="2025-12-03")
    assert {(e.person, e.org) for e in events} == {("卓思成", "云鲸出行"), ("司马卓越", "快驰")}


def test_chain_of_titles_after_the_retired_one_in_a_succession():
    text = "滨川城投集团召开干部大会，宣布由原副总经理韦国安接任已退休的党委书记、董事长马骁。"
    events = run_text(text, published="2026-09-14")
    assert [(e.person, e.org) for e in events] == [("马骁", "滨川城投集团")]


def test_a_firm_name_ends_at_shiwusuo_and_a_count_of_seasons_is_no_name():
    text = "正衡律师事务所资本市场部合伙人公冶明远已于4月底离开正衡，加盟瀚川律师事务所。"
    events = run_text(text, published="2026-05-06")
    assert [(e.person, e.org) for e in events] == [("公冶明远", "正衡律师事务所")]
    assert events[0].role.endswith("合伙人")
    text = "效力球队八个赛季的队长肖川也于当天发文告别海鸥足球俱乐部。"
    assert [(e.person, e.org) for e in run_text(text, published="2026-05-06")] == [("肖川", "海鸥足球俱乐部")]


def test_kind_glued_to_a_name_an_industry_and_an_acting_post_verb():
    text = (
        "第四季向来是台湾科技业调整经营团队的时间点。\n"
        "先看IC设计厂晶岳科技。公司昨（15）日召开记者会，宣布总经理简志恒因健康因素请辞，由董事长林冠宏暂代总经理职务。\n"
        "据了解，林董原本有意在明年交棒给简志恒。"
    )
    events = run_text(text, published="2026-10-16")
    assert [(e.person, e.org) for e in events] == [("简志恒", "晶岳科技")]


def test_title_after_a_full_name_and_an_education_company():
    events = run_text("昨天，汇远物流的罗海川总经理在全员大会上宣布辞职。", published="2026-05-02")
    assert [(e.person, e.org) for e in events] == [("罗海川", "汇远物流")]
    events = run_text("小海獭教育联合创始人兼CTO孟一凡已经离职。", published="2026-05-02")
    assert [(e.person, e.org) for e in events] == [("孟一凡", "小海獭教育")]
    assert run_text("他投身在线教育行业多年，去年离开了北京。", published="2026-05-02") == []


def test_the_de_phrase_after_the_organization_left_lists_the_people():
    events = run_text("去年离开橙柚支付的高管包括首席产品官温子翊和风控负责人阮清禾。", published="2026-05-02")
    assert {(e.person, e.org) for e in events} == {("温子翊", "橙柚支付"), ("阮清禾", "橙柚支付")}


def test_surname_with_zong_reads_back_to_the_person_named_before():
    text = "奇点智数首席运营官戚明远近来鲜少公开露面。\n知情人士透露，戚总已于本月初离职，去向暂未确定。"
    events = run_text(text, published="2026-05-01")
    assert [(e.person, e.org, e.status) for e in events] == [("戚明远", "奇点智数", "reported")]
    assert run_text("最新统计数据显示，离职率有所上升。", published="2026-05-01") == []


def test_standard_bureau_names_with_he_players_and_compound_surname_danyu():
    events = run_text("岷川市自然资源和规划局原局长闻人松年被“双开”。", published="2026-05-01")
    assert [(e.person, e.org) for e in events] == [("闻人松年", "岷川市自然资源和规划局")]
    text = "11月2日晚，苍岭电竞官方宣布，英雄联盟分部中单选手“夜行”刘子川合同到期后离队，双方不再续约。"
    assert [(e.person, e.org) for e in run_text(text, published="2026-11-03")] == [("刘子川", "苍岭电竞")]
    text = "CBA球队东川飞鲨今日官宣，队长单于辰合同到期后正式离队。"
    assert [(e.person, e.org) for e in run_text(text, published="2026-07-01")] == [("单于辰", "东川飞鲨")]


def test_predecessor_moved_elsewhere_left_the_organization_making_the_appointment():
    text = "根据决定，任命欧阳慧敏为南川市中心医院院长，接替已于今年3月调任省卫生健康委员会的前任院长龚振邦。"
    events = run_text(text, published="2026-05-01")
    assert [e.person for e in events] == ["龚振邦"]
    assert "中心医院" in events[0].org


def test_team_name_glued_to_dui_after_a_league_word_and_names_cut_by_jieba():
    text = "职棒雷霆隼队昨（22）日宣布，与洋投马可·雷耶（Marco Reye）解约。"
    events = run_text(text, published="2026-04-23")
    assert [(e.person, e.org, e.role) for e in events] == [("马可·雷耶", "雷霆隼队", "洋投")]
    text = "职业篮球队港都海狮今（19）日宣布，与总教练Brian Kessler解除合约，即日起由助理教练廖宏远代理总教练。"
    events = run_text(text, published="2026-04-20")
    assert [(e.person, e.org) for e in events] == [("Brian Kessler", "港都海狮")]


def test_transliterated_name_after_a_foreign_players_title():
    text = "赤焰队昨日宣布，洋投马丁尼兹（Luis Marten）确定不获续约，将返回多明尼加。"
    events = run_text(text, published="2026-11-19")
    assert [(e.person, e.org, e.role) for e in events] == [("马丁尼兹", "赤焰队", "洋投")]


def test_distributor_and_listed_stock_kinds_before_a_name():
    text = "内房股嘉恒发展昨日公布，主席兼执行董事夏侯振华因年届七十岁退休。"
    events = run_text(text, published="2026-05-01")
    assert [(e.person, e.org) for e in events] == [("夏侯振华", "嘉恒发展")]
    text = "半导体通路商晶曜达科技今日发布重大讯息，营运长皇甫立人因规划退休，将于今年12月31日卸任。"
    events = run_text(text, published="2026-05-01")
    assert [(e.person, e.org) for e in events] == [("皇甫立人", "晶曜达科技")]


def test_platform_posted_on_kept_post_and_qi_after_mianqu():
    text = "资深主播范芷宁昨日在脸书证实，将于本月底离开服务十一年的华讯新闻台。"
    events = run_text(text, published="2026-06-13")
    assert [(e.person, e.org) for e in events] == [("范芷宁", "华讯新闻台")]
    text = "董事会收到总经理潘启明先生的书面辞职报告，潘启明先生因工作调整辞去公司总经理职务，辞职后仍担任公司董事及董事会战略委员会委员。"
    events = run_text("澄宇新材发布公告。" + text, published="2026-06-13")
    assert [(e.person, e.org) for e in events] == [("潘启明", "澄宇新材")]
    events = run_text("任命南宫雅言为南川省教育厅副厅长，免去其南川理工大学副校长职务。", published="2026-06-13")
    assert [(e.person, e.org) for e in events] == [("南宫雅言", "南川理工大学")]


def test_a_name_jieba_only_guesses_counts_when_the_document_repeats_it():
    text = (
        "从实验室到创业者：苏芷言的三次转身\n"
        "2019年，刚从博士项目毕业的苏芷言加入了深岚智算。\n"
        "苏芷言后来被提拔为副总裁。\n"
        "今年3月，她离开了深岚智算。"
    )
    events = run_text(text, published="2026-08-25")
    assert [(e.person, e.org) for e in events] == [("苏芷言", "深岚智算")]
    from pipeline.extract.zh import _repeated_name
    from pipeline.records import Mention

    guess = Mention("person_weak", 0, 3, "苏芷言")
    assert _repeated_name(guess, text).kind == "person"  # written four times
    assert _repeated_name(guess, "苏芷言加入了深岚智算。").kind == "person_weak"  # once: still a guess


def test_the_pronoun_before_zai_is_the_subject_and_the_name_after_it_dates_the_act():
    text = (
        "程嘉言此前是深岚智算的推理框架负责人，据悉他在苏芷言离开前一个月便已递交辞呈。"
    )
    events = run_text(text, published="2026-08-25")
    assert [(e.person, e.org) for e in events] == [("程嘉言", "深岚智算")]


def test_sudden_resignation_contracts_not_renewed_and_a_hire_from_a_named_firm():
    events = run_text("4月，IC设计厂群岳科技总经理Michael Lin闪辞。", published="2026-06-01")
    assert [(e.person, e.org) for e in events] == [("Michael Lin", "群岳科技")]
    text = "企业女排劲旅凯川云豹昨日宣布，主攻手林语宁合约期满后不再续留，将赴日本职业联赛挑战。"
    assert [(e.person, e.org) for e in run_text(text, published="2026-06-01")] == [("林语宁", "凯川云豹")]
    text = "事实上，昇岳去年也从晶华微电子延揽了前制程整合处长王俊宁。"
    assert [(e.person, e.org) for e in run_text(text, published="2026-06-01")] == [("王俊宁", "晶华微电子")]
    assert run_text("昇岳去年延揽了制程整合处长王俊宁。", published="2026-06-01") == []


def test_brand_of_two_single_characters_before_the_suffix():
    events = run_text("11月9日晚，曜骋汽车在内部邮件中宣布，联合创始人、总裁贺凌川因个人原因辞去总裁职务。", published="2026-11-10")
    assert [(e.person, e.org) for e in events] == [("贺凌川", "曜骋汽车")]
    events = run_text("11月11日晚间，泓迈证券公告称，公司总裁万嘉言因工作变动辞去公司总裁职务。", published="2026-11-12")
    assert [(e.person, e.org) for e in events] == [("万嘉言", "泓迈证券")]


def test_poached_by_slang_for_quitting_and_chains_named_in_quotes():
    events = run_text("滨川理工大学的讲师卢敬言被深衡科技挖走。", published="2026-10-01")
    assert [(e.person, e.org, e.destination) for e in events] == [("卢敬言", "滨川理工大学", "深衡科技")]
    assert run_text("此后，讲师卢敬言被深衡科技挖走。", published="2026-10-01") == []  # nothing left is named
    events = run_text("本地连锁火锅品牌「椒香里」营运总监黄志远劈炮！", published="2026-10-01")
    assert [(e.person, e.org) for e in events] == [("黄志远", "椒香里")]
    events = run_text("消费：茶饮连锁“茶小满”联合创始人柯佩言9月底宣布离开公司。", published="2026-10-01")
    assert [(e.person, e.org) for e in events] == [("柯佩言", "茶小满")]


def test_speaker_after_a_column_label_with_an_internal_email_and_an_agreed_termination():
    events = run_text("【快讯】青峦云昨日发布内部邮件，首席技术官蒋川言因个人原因离职。", published="2026-05-01")
    assert [(e.person, e.org) for e in events] == [("蒋川言", "青峦云")]
    text = "沧川FC于10月2日官方宣布，主教练马蒂亚·贝格与俱乐部协商一致解约。"
    assert [(e.person, e.org) for e in run_text(text, published="2026-10-03")] == [("马蒂亚·贝格", "沧川FC")]


def test_this_investor_refers_back_in_the_sentence_and_a_declined_offer_is_no_event():
    text = "栖川资本当时的投资总监韦嘉言拍板领投了天使轮，后来这位投资人干脆离开栖川，加入栈道智能担任CFO。"
    events = run_text(text, published="2026-10-01")
    assert [(e.person, e.org, e.destination) for e in events] == [("韦嘉言", "栖川资本", "栈道智能")]
    text = "有业界人士透露，另一间电视台曾以高薪邀请资深主播梁家言跳槽，但被他婉拒。"
    assert run_text(text, published="2026-10-01") == []


def test_a_company_founded_is_where_the_person_went():
    text = "2023年底，时任青岚云平台部总监的温若言递交辞呈，几个月后创办了算力调度公司栈川智能。"
    # the employer (青岚云) is no name the rules know, and the company founded is not taken for it
    assert run_text(text, published="2026-10-01") == []


def test_founding_said_of_the_company_age_is_no_destination():
    text = "创立逾四十年的茶餐厅集团金凤阁宣布，创办人梁锦川将于明年一月一日起卸任主席。"
    events = run_text(text, published="2026-11-01")
    assert [(e.person, e.org, e.status) for e in events] == [("梁锦川", "金凤阁", "planned")]


def test_high_pay_is_no_name():
    text = "2014年，教练冯耀川被新贵球会九龙飞驹队以高薪挖走，离开执教四年的荃湾少年队。"
    assert all(e.person != "高薪" for e in run_text(text, published="2026-10-01"))
    assert "冯耀川" in {e.person for e in run_text(text, published="2026-10-01")}


def test_a_rumour_opening_the_clause_and_a_branch_after_a_quoted_name():
    text = "电商平台「拾丰网」台湾分公司总经理简婉言，传出将在年底前离职，职务由总部派员接手。"
    events = run_text(text, published="2026-10-01")
    assert [(e.person, e.org, e.status) for e in events] == [("简婉言", "拾丰网", "rumored")]


def test_glued_kind_word_of_an_unknown_morpheme_and_a_public_centre():
    events = run_text("IC设计厂朔曜科技研发副总黄柏言已于上月离职。", published="2026-10-01")
    assert [(e.person, e.org) for e in events] == [("黄柏言", "朔曜科技")]
    events = run_text("岷川市海洋经济促进中心主任卜振言已于本月初卸任。", published="2026-10-01")
    assert [(e.person, e.org) for e in events] == [("卜振言", "岷川市海洋经济促进中心")]
    assert find("公司客户服务中心主任张伟言离职。").orgs == []  # a unit, with no place before it


def test_a_reposter_is_no_employer_and_praise_is_no_organization():
    text = "转发微博 //@手游周刊:《长夜》制作人、炽岚工作室负责人柏晓言昨日宣布已正式离开炽岚。"
    assert [(e.person, e.org) for e in run_text(text, published="2026-10-01")] == [("柏晓言", "炽岚工作室")]
    text = "声川文化旗下头牌音乐制作人“K叔”贺启言将于年底合约到期后离开公司。"
    assert [(e.person, e.org) for e in run_text(text, published="2026-10-01")] == [("贺启言", "声川文化")]
    text = "北岸唱片证实，旗下金曲制作人杜凯言已于本周一正式离开公司。"
    assert [(e.person, e.org) for e in run_text(text, published="2026-10-01")] == [("杜凯言", "北岸唱片")]


def test_companions_named_after_the_verb_leave_with_the_leader():
    text = "星川科技首席技术官张明言上月离职。与他一同离开的还有算法负责人李思言和王五言。"
    events = run_text(text, published="2026-10-01")
    assert [(e.person, e.org) for e in events] == [("张明言", "星川科技"), ("李思言", "星川科技"), ("王五言", "星川科技")]
    assert [p.text for p in find("跟她一起出走的，是两名资深工程师鲁川言和江越。").persons] == ["鲁川言", "江越"]


def test_a_move_from_a_rival_written_before_the_name():
    text = "接替她的是从竞品“山野茶铺”加盟的房启言。"
    assert [(e.person, e.org) for e in run_text(text, published="2026-10-01")] == [("房启言", "山野茶铺")]


def test_leaving_the_nest_is_a_departure():
    text = "翠川电视资深新闻主播邝志言宣布离巢，结束二十一年的主播生涯。"
    assert [(e.person, e.org) for e in run_text(text, published="2026-10-01")] == [("邝志言", "翠川电视")]


def test_relative_clauses_after_a_move_and_a_retirement():
    text = ("他是港川电视首席新闻主播司徒志言。他口中的旧同事，包括九月底过档网媒《维川观察》的新闻部总监梁家言，"
            "以及今年四月荣休的资深记者欧阳慧言。")
    events = run_text(text, published="2026-10-20")
    got = {(e.person, e.org, e.destination, e.date) for e in events}
    assert ("梁家言", "港川电视", "维川观察", "2026-09") in got
    assert ("欧阳慧言", "港川电视", None, "2026-04") in got


def test_an_offer_turned_down_later_in_the_sentence_is_no_event():
    text = "港川电视首席新闻主播司徒志言已退休。另一间电视台曾以高薪邀请他跳槽，但被他婉拒：「我唔想由头嚟过。」"
    events = run_text(text, published="2026-10-20")
    assert [(e.person, e.org) for e in events] == [("司徒志言", "港川电视")]


def test_poached_from_an_unnamed_brand_is_no_departure_from_the_poacher():
    text = "国货运动品牌跃川体育换了三任CEO。接棒的是从国际品牌挖来的职业经理人Lisa Chan。"
    assert run_text(text, published="2026-10-01") == []


def test_desk_heads_and_sports_companies():
    text = "国货运动品牌跃川体育副组长司徒嘉言亦以「身心俱疲」为由请辞。"
    events = run_text(text, published="2026-10-01")
    assert [(e.person, e.org, e.role) for e in events] == [("司徒嘉言", "跃川体育", "副组长")]


def test_a_clause_opening_and_starts_a_name():
    text = "此外，有市场消息称，和安药业首席财务官乔文言或将于近期离职。"
    events = run_text(text, published="2026-10-01")
    assert [(e.person, e.org, e.status) for e in events] == [("乔文言", "和安药业", "rumored")]


def test_board_committees_praise_and_a_glued_verb_are_no_names():
    text = "独立非执行董事欧阳德言先生将辞任审核委员会主席及薪酬委员会成员之职务。"
    assert [o.text for o in find(text).orgs] == []
    assert [p.text for p in find("南川大学附设医院心脏外科权威出走").persons] == []
    assert [p.text for p in find("公司艺人经纪总监卓凡言带着多名艺人转投星川传媒。").persons] == ["卓凡言"]


def test_no_reappointment_an_exchange_and_an_exchange_filed_with():
    events = run_text("南岭证券交易所副总经理钱伯言任期届满后不再连任。", published="2026-10-01")
    assert [(e.person, e.org, e.status) for e in events] == [("钱伯言", "南岭证券交易所", "planned")]
    text = "新加坡上市的南川星港控股今天向新加坡交易所报备，总裁谢振言将在2027年第一季度卸任。"
    events = run_text(text, published="2026-10-01")
    assert [(e.person, e.org) for e in events] == [("谢振言", "南川星港控股")]


def test_a_common_word_right_after_a_title_is_a_name_and_both_is_not():
    text = "汽车零部件供应商恒川精密公告，公司副总经理、董事会秘书甘露因个人原因辞职。"
    events = run_text(text, published="2026-11-11")
    assert [(e.person, e.org) for e in events] == [("甘露", "恒川精密")]
    text = "晶圆代工厂宏川半导体公告，营运长许家言及财务长张玮言因个人生涯规划双双请辞。"
    assert {e.person for e in run_text(text, published="2026-11-11")} == {"许家言", "张玮言"}


def test_taiwan_city_teams_and_hong_kong_transliterations():
    assert [o.text for o in find("职篮台中飞隼队今天宣布续约。").orgs] == ["台中飞隼队"]
    text = "港超球会元朗晨星昨日宣布，与主教练基斯甸·费雷诺解约。"
    events = run_text(text, published="2026-11-11")
    assert [(e.person, e.org) for e in events] == [("基斯甸·费雷诺", "元朗晨星")]


def test_the_one_succeeded_ends_the_clause_after_the_post_is_named():
    text = "西川机场集团日前发布干部调整通知，集团安全总监一职改由原副总监包可言接替贝承言，通知未说明其去向。"
    events = run_text(text, published="2026-11-11")
    assert [(e.person, e.org) for e in events] == [("贝承言", "西川机场集团")]


def test_a_registered_name_with_the_group_in_brackets():
    text = "澄川医疗器械（集团）股份有限公司（简称“澄川医疗”）首席执行官岳启言本周一被董事会免职。"
    events = run_text(text, published="2026-11-11")
    assert [(e.person, e.org) for e in events] == [("岳启言", "澄川医疗器械（集团）股份有限公司")]


def test_the_employer_of_a_former_post_written_before_yuan():
    text = "今年7月，启川大模型原商业化副总裁杜晓言转投云服务商澄川科技。"
    events = run_text(text, published="2026-11-11")
    assert [(e.person, e.org, e.destination) for e in events] == [("杜晓言", "启川", "澄川科技")]
    text = "速川优选今日发布通报，宣布即日起开除华南大区原采购总监卢志言。"
    events = run_text(text, published="2026-11-11")
    assert [(e.person, e.org, e.role) for e in events] == [("卢志言", "速川优选", "采购总监")]


def test_no_speaker_made_of_a_date_an_addressee_or_a_meeting():
    text = "本港航空公司海川航空近月管理层变动。公司上周五向联交所发出公告，宣布首席财务官黎颖言因家庭理由辞任。"
    events = run_text(text, published="2026-11-03")
    assert [(e.person, e.org) for e in events] == [("黎颖言", "海川航空")]
    text = ("11月12日，海川水务投资集团召开干部大会。会上同时宣布，由集团总经理房志言接替聂国言主持集团全面工作。"
            "记者注意到，该集团副总经理褚红言今年8月已提前退休。")
    events = run_text(text, published="2026-11-13")
    assert ("褚红言", "海川水务投资集团") in {(e.person, e.org) for e in events}


def test_units_of_the_company_in_focus_and_a_kind_phrase_before_a_name():
    text = "同日，睿川基金也发布公告，固收投资部副总监苏静言离任。"
    assert [(e.person, e.org) for e in run_text(text, published="2026-11-13")] == [("苏静言", "睿川基金")]
    text = "本报讯 国内玉米种子龙头企业禾川源种业发布公告。公告还披露，公司研发中心主任晏东言已于本月初退休。"
    events = run_text(text, published="2026-11-13")
    assert [(e.person, e.org, e.role) for e in events] == [("晏东言", "禾川源种业", "研发中心主任")]
    assert [o.text for o in find("对于有传媒报道指集团主席郭美言亦有意退任。").orgs] == []


def test_a_verb_phrase_before_jituan_a_glued_but_and_chemical_makers():
    assert [o.text for o in find("郭美言会继续领导集团。").orgs] == []
    assert [o.text for o in find("但鸿川基金相关人士对此予以否认。").orgs] == ["鸿川基金"]
    events = run_text("知情人士透露，蓝岭化学董事会秘书严慧言已向公司请辞。", published="2026-11-13")
    assert [(e.person, e.org, e.status) for e in events] == [("严慧言", "蓝岭化学", "reported")]


def test_a_taiwan_style_day_opens_a_clause_without_subject():
    text = "联川机电研究所所长方振言任期届满，昨（5）日正式卸任，将回到大学任教。"
    events = run_text(text, published="2026-11-06")
    assert [(e.person, e.org, e.date) for e in events] == [("方振言", "联川机电研究所", "2026-11-05")]


def test_joining_from_a_team_no_rule_knows():
    events = run_text("男排国手江承言从云岭铁人加盟新北海狮，双方签下两年合约。", published="2026-11-13")
    assert [(e.person, e.org) for e in events] == [("江承言", "云岭铁人")]
    text = "今年夏天朱婷言从土耳其回归加盟了天津队。"  # a country, then a verb: no organization left
    assert run_text(text, published="2026-11-13") == []


def test_the_employer_before_a_unit_and_a_title():
    text = "2023年底，时任青岚云AI平台部总监的温若言递交辞呈，几个月后创办了算力调度公司栈川智能。"
    events = run_text(text, published="2026-11-13")
    assert [e.person for e in events] == ["温若言"] and events[0].org.startswith("青岚云")
    assert [o.text for o in find("时任青岚云数据平台部总监的温若言递交辞呈。").orgs] == ["青岚云数据"]


def test_what_the_person_went_on_to_do():
    text = "联川机电研究所所长方振言任期届满，昨（5）日正式卸任，将回到大学任教。"
    assert [e.destination for e in run_text(text, published="2026-11-06")] == ["回到大学任教"]
    text = "星川基金基金经理欧阳可言已于上月离职，将筹建自己的私募机构。"
    assert [e.destination for e in run_text(text, published="2026-11-06")] == ["筹建自己的私募机构"]
    text = "星川生物首席科学家钟文言已于上月离职，返回美国定居。"
    assert [e.destination for e in run_text(text, published="2026-11-06")] == ["返回美国定居"]


def test_destinations_after_the_trigger_own_zhi_a_description_or_a_startup_word():
    text = "今年3月，底盘事业部总经理任志言从凌川汽车跳槽至竞争对手博川科技，出任首席技术官。"
    assert [e.destination for e in run_text(text, published="2026-11-06")] == ["博川科技"]
    text = "东纱实业海外业务副总周孟言已于今年第三季离开，转战越南的成衣代工厂鼎越制衣。"
    assert [e.destination for e in run_text(text, published="2026-11-06")] == ["鼎越制衣"]
    text = "芯途科技今年上半年，联合创始人毛一言离开公司自主创业。"
    assert [e.destination for e in run_text(text, published="2026-11-06")] == ["自主创业"]
    text = "前资拓软件研发副总周凯言已于上月加入新创公司云岭数据，担任技术长。"
    assert [(e.org, e.destination) for e in run_text(text, published="2026-11-06")] == [("资拓软件", "云岭数据")]


def test_a_chain_of_titles_is_the_role():
    text = "恒川精密公告，公司副总经理、董事会秘书甘露因个人原因辞职。"
    assert [e.role for e in run_text(text, published="2026-11-11")] == ["副总经理、董事会秘书"]


def test_the_post_named_as_the_object_is_the_role():
    text = "清川水务集团股份有限公司公告，因工作调整，朱海言不再担任公司董事长、法定代表人职务。"
    assert [e.role for e in run_text(text, published="2026-11-11")] == ["董事长、法定代表人"]
    text = "星川科技公告，董事长王立言辞去公司总经理职务，仍任董事长。"
    assert [e.role for e in run_text(text, published="2026-11-11")] == ["总经理"]


def test_a_department_jieba_glues_to_the_employer_suffix():
    ents = find("港川电视新闻部总监梁家言九月底过档。")
    assert ([o.text for o in ents.orgs], [r.text for r in ents.roles]) == (["港川电视"], ["新闻部总监"])


def test_the_day_a_departure_takes_effect_wins_over_the_day_it_is_announced():
    text = "钢铁大厂永川钢铁今（9）日公告，总经理陈柏言因届龄退休，将于11月30日卸任。"
    assert [e.date for e in run_text(text, published="2026-10-09")] == ["2026-11-30"]


def test_an_announced_exit_still_to_come_is_planned_and_a_byline_is_no_report():
    text = "驰川汽车11月17日晚间发布公告称，公司总裁贺立言将于2026年12月31日卸任。驰川汽车感谢贺立言的贡献，贺立言卸任后将出任顾问。"
    assert [e.status for e in run_text(text, published="2026-11-18")] == ["planned"]
    text = "【记者詹雅言／台中报导】私立东川大学今（20）日证实，校长宇文言已于昨（19）日向董事会请辞并获同意，将于明年1月31日正式卸任。"
    events = run_text(text, published="2026-11-20")
    assert [(e.status, e.date) for e in events] == [("planned", "2027-01-31")]


def test_hong_kong_source_wording_is_a_report():
    text = "据知情人士透露，翠川电视新闻部总监容家言已于上周三离职。消息指，他将转投对手台星川卫视出任节目总监。"
    assert [e.status for e in run_text(text, published="2026-10-26")] == ["reported"]
    text = "记者从东川理工大学获悉，该校副校长戴文言已于今年7月调任省科学技术厅副厅长。"
    assert [e.status for e in run_text(text, published="2026-09-10")] == ["confirmed"]
