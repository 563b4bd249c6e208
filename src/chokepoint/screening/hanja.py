"""Hanja: Korean names written in Han characters, read with their Korean (Sino-Korean) readings.

Korean personal names are Sino-Korean: every syllable of 김정은 has a Han character, and Chinese,
Japanese and Korean documents (and some list entries) write the name 金正恩. Read in Mandarin that is
"Jin Zhengen", which shares nothing with "Kim Jong Un"; read with the Korean readings it is 김정은,
which the Hangul romanizations (``hangul``) turn into the spellings the lists use. ``READINGS`` is
data: the Korean reading (Unicode Unihan ``kHangul`` field; for surnames the Statistics Korea 2015
census list of surnames with their Han characters) of the characters of the common Korean surnames
and of the characters common in DPRK and ROK given names (the Supreme Court's list of characters for
personal names, 인명용 한자, by frequency), traditional forms with the simplified forms Chinese-language
sources write for them (about 720 characters). Readings keep an initial ㄹ (리, 류, 림, 로), as the
DPRK writes them; the South Korean spellings without it (Lee, Yu, Im, No) are equated by ``variants``.

A name is read only if every one of its Han characters is in the table: a Chinese name with characters
Korean names do not use gets no Korean reading. ``names`` reads only person names of two to four
characters this way (the length of Korean personal names), so longer Chinese names are read as
Chinese only.
"""

from __future__ import annotations

from functools import lru_cache

_TABLE = """
金김 李리 朴박 崔최 鄭정 郑정 姜강 趙조 赵조 尹윤 張장 张장 林림 韓한 韩한 吳오 吴오 申신 徐서 權권 权권
黃황 黄황 安안 宋송 柳류 洪홍 全전 高고 文문 梁량 孫손 孙손 裵배 裴배 白백 許허 许허 劉류 刘류 南남 沈심
盧로 卢로 河하 丁정 成성 車차 车차 具구 禹우 朱주 任임 羅라 罗라 辛신 閔민 闵민 陳진 陈진 池지 嚴엄 严엄
元원 蔡채 康강 千천 玄현 方방 孔공 咸함 卞변 廉렴 楊양 杨양 邊변 边변 呂려 吕려 秋추 魯로 鲁로 都도 蘇소
苏소 愼신 慎신 石석 宣선 薛설 馬마 马마 吉길 周주 延연 表표 明명 奇기 潘반 王왕 琴금 玉옥 陸륙 陆륙 印인
孟맹 卓탁 太태 鞠국 魚어 鱼어 殷은 片편 龍룡 龙룡 桂계 錢전 钱전 智지 崔최 秦진 睦목 姚요 夫부 承승
正정 日일 恩은 一일 哲철 男남 浩호 英영 永영 勇용 光광 明명 國국 国국 民민 秀수 洙수 植식 善선 濟제 济제
赫혁 鎬호 虎호 範범 范범 春춘 淑숙 姬희 姫희 順순 顺순 子자 雪설 珠주 主주 與여 与여 賢현 贤현 鉉현
铉현 燮섭 煥환 焕환 興흥 兴흥 根근 基기 起기 東동 东동 西서 北북 二이 三삼 源원 泰태 大대 德덕 徳덕 信신
仁인 義의 义의 禮례 礼례 志지 在재 載재 载재 俊준 峻준 昌창 昊호 好호 鎭진 鎮진 镇진 眞진 真진 珍진 振진
進진 进진 學학 学학 錫석 锡석 碩석 硕석 洛락 樂락 乐락 烈렬 列렬 運운 运운 雲운 云운 武무 茂무 敏민 炳병
秉병 柄병 丙병 富부 福복 相상 尙상 尚상 祥상 常상 世세 守수 壽수 寿수 勝승 胜승 時시 时시 始시 彬빈 銀은
银은 應응 应응 益익 翼익 寅인 完완 宇우 佑우 雨우 旭욱 允윤 潤윤 润윤 倫륜 伦륜 亨형 炯형 衡형 熙희 喜희
希희 會회 会회 孝효 厚후 勳훈 勋훈 薰훈 輝휘 辉휘 惠혜 慧혜 海해 夏하 漢한 汉한 鶴학 鹤학 徹철 彻철 澈철
淸청 清청 靑청 青청 忠충 鐵철 铁철 峰봉 鳳봉 凤봉 燦찬 灿찬 贊찬 赞찬 憲헌 宪헌 寧녕 宁녕 萬만 万만 實실
实실 華화 华화 花화 和화 化화 長장 长장 純순 纯순 榮영 荣영 奎규 圭규 珪규 均균 極극 根근 錦금 锦금 今금
吉길 洛락 蘭란 兰란 良량 亮량 麗려 丽려 連련 连련 蓮련 莲련 玲령 鈴령 齡령 龄령 禄록 祿록 律률 利리 里리
理리 梨리 立립 滿만 满만 梅매 勉면 冕면 命명 模모 木목 牧목 妙묘 美미 微미 密밀 敏민 朴박 博박 範범 法법
炳병 寶보 宝보 甫보 輔보 普보 奉봉 鳳봉 芙부 士사 四사 思사 山산 森삼 祥상 瑞서 錫석 仙선 先선 宣선 鮮선
鲜선 雪설 燮섭 星성 聖성 圣성 盛성 晟성 性성 素소 昭소 松송 洙수 壽수 守수 淑숙 舜순 淳순 崇숭 承승 昇승
升승 時시 植식 湜식 信신 新신 實실 心심 雅아 岳악 安안 愛애 爱애 若약 陽양 阳양 洋양 養양 彦언 淵연 渊연
然연 妍연 燕연 延연 泳영 映영 瑛영 藝예 艺예 睿예 五오 悟오 玉옥 溫온 温온 完완 旺왕 堯요 尧요 容용 鏞용
镛용 庸용 宇우 友우 又우 旭욱 郁욱 雄웅 元원 遠원 远원 媛원 苑원 月월 位위 偉위 伟위 有유 裕유 維유 维유
允윤 銀은 隱은 乙을 音음 義의 宜의 以이 怡이 伊이 益익 仁인 寅인 日일 壹일 任임 林림 子자 慈자 作작 章장
在재 才재 哉재 宰재 材재 全전 典전 點점 点점 正정 貞정 贞정 廷정 庭정 晶정 靜정 静정 濟제 悌제 祖조 朝조
照조 鍾종 钟종 鐘종 宗종 宙주 俊준 駿준 骏준 中중 重중 仲중 地지 智지 枝지 知지 芝지 直직 辰진 鎭진 集집
燦찬 昌창 彩채 采채 天천 川천 泉천 哲철 喆철 淸청 草초 超초 村촌 聰총 聪총 秋추 春춘 忠충 致치 則칙 七칠
泰태 台태 宅택 澤택 泽택 土토 通통 判판 八팔 平평 杯배 培배 表표 豊풍 豐풍 丰풍 弼필 必필 夏하 河하 學학
漢한 翰한 咸함 恒항 海해 幸행 香향 鄕향 乡향 憲헌 赫혁 革혁 玄현 賢현 炫현 峴현 亨형 兄형 浩호 昊호 鎬호
好호 湖호 虎호 洪홍 弘홍 紅홍 红홍 和화 花화 華화 桓환 煥환 歡환 欢환 活활 黃황 晃황 會회 孝효 曉효 晓효
勳훈 薰훈 輝휘 徽휘 休휴 欽흠 钦흠 興흥 姬희 熙희 喜희 禧희 希희
柱주 墉용 用용 甬용 圓원 園원 願원 瑗원 原원 誠성 聲성 城성 種종 琮종 豪호 皓호 修수 樹수 玹현 顯현 显현
濬준 準준 准준 埈준 暎영 煐영 敬경 京경 景경 慶경 庆경 卿경 炅경 璟경 鏡경 镜경 槿근 峯봉 凡범 汎범 栽재
爀혁 奭석 九구 十십 百백 燁엽 龜구 龟구 斗두 得득 道도 棟동 栋동 斌빈 璿선 珣순 岩암 巖암 揚양 扬양 汝여
衍연 娟연 演연 午오 祐우 惟유 兪유 禎정 婷정 祚조 之지 稷직 楚초 治치 坪평 镐호 甲갑 建건 健건 坤곤 官관
寬관 宽관 廣광 广광 求구 球구 玖구 菊국 君군 軍군 军군 貴귀 贵귀 琦기 淇기 騏기 麒기 丹단 端단 達달 达달
潭담 堂당 唐당 敦돈 冬동 童동 麟린 晩만 銘명 铭명 鳴명 鸣명 芳방 邦방 伯백 碧벽 保보 本본 芬분 氷빙 冰빙
小소 少소 韶소 深심 悅열 炎염 葉엽 迎영 芸예 銳예 穩온 曜요 耀요 蔚울 育육 隆륭 融융 邑읍 儀의 仪의 壯장
壮장 田전 節절 节절 鼎정 政정 定정 精정 齊제 齐제 曾증 增증 倉창 晴청 初초 充충 翠취 風풍 风풍 凰황 訓훈
训훈 威위 渭위 緯위 纬위
"""

READINGS: dict[str, str] = {}
for _cell in _TABLE.split():
    READINGS.setdefault(_cell[0], _cell[1:])


@lru_cache(maxsize=100_000)
def korean_reading(text: str) -> str | None:
    """The Hangul reading of a Han-written name (spaces kept), or None if a character is not in the table."""
    out: list[str] = []
    for char in text:
        if char.isspace():
            out.append(" ")
        elif char in READINGS:
            out.append(READINGS[char])
        else:
            return None
    reading = "".join(out).strip()
    return reading or None
