/**
 * The masking corpus: one case per shape of personal data, all numbers made up (IDs pass the 身份证 checksum,
 * cards pass Luhn). Each case gives the text, the masked text (so the words around the data stay) and the
 * part that must be gone.
 */
import { describe, expect, test } from 'vitest';
import { maskContext, maskPersonal } from '@/lib/feedback/mask';
import type { FeedbackContext } from '@/lib/feedback/types';

type Shape = [shape: string, text: string, masked: string, gone: string];

const PHONES: Shape[] = [
  ['mobile in text', '电话13812345678谢谢', '电话138****5678谢谢', '1234'],
  ['+86 and spaces', '+86 138 1234 5678 打我', '138****5678 打我', '1234'],
  ['dashes', '138-1234-5678', '138****5678', '1234'],
  ['dots', '手机：139.1234.5678，白天打', '手机：139****5678，白天打', '1234'],
  ['0086 prefix', '0086 13812345678', '138****5678', '1234'],
  ['+86-', '+86-15912345678', '159****5678', '1234'],
  ['199 range', '新号段19912345678也能打', '新号段199****5678也能打', '1234'],
  ['full-width digits', '电话１３８１２３４５６７８', '电话138****5678', '１２３４'],
  ['full-width with ideographic spaces', '电话１３８　１２３４　５６７８', '电话138****5678', '１２３４'],
  ['one digit per space', '电话 1 3 8 1 2 3 4 5 6 7 8 好吗', '电话 138****5678 好吗', '1 2 3 4'],
  ['one digit per dash', '1-3-8-1-2-3-4-5-6-7-8是我手机', '138****5678是我手机', '2-3-4'],
  ['Chinese numerals', '电话一三八一二三四五六七八', '电话138****5678', '一二三四'],
  ['幺 and 零 read aloud', '打幺三九零零零零幺幺幺幺', '打139****1111', '零零零零'],
  ['financial numerals', '壹叁捌壹贰叁肆伍陆柒捌是电话', '138****5678是电话', '壹贰叁肆'],
  ['digits and numerals mixed', '电话138一二三四5678', '电话138****5678', '一二三四'],
  ['two phones', '两个：13912345678、15011112222', '两个：139****5678、150****2222', '1111'],
  ['phone then an order number', '13812345678 6921847302918374651', '138****5678 6921847302918374651', '1234'],
  ['in brackets', '（13812345678）', '（138****5678）', '1234'],
  ['after vx', 'vx13812345678', 'vx138****5678', '1234'],
];

const LANDLINES: Shape[] = [
  ['Beijing with dash', '座机010-62345678', '座机010-****78', '623456'],
  ['Shanghai with spaces', '021 6234 5678 白天有人', '021-****78 白天有人', '6234'],
  ['area code in brackets', '(0755)12345678', '0755-****78', '123456'],
  ['7-digit number', '0571-8888666转分机', '0571-****66转分机', '88886'],
  ['no separator', '075512345678', '0755-****78', '123456'],
  ['full-width', '座机０２０－８７６５４３２１', '座机020-****21', '８７６５'],
];

const ID_CARDS: Shape[] = [
  ['18 digits', '身份证110101199003071233', '身份证110101********1233', '19900307'],
  ['ending in X', '身份证31010419880812105X', '身份证310104********105X', '19880812'],
  ['ending in x', '身份证号31010419880812105x', '身份证号310104********105X', '19880812'],
  ['spaced', '身份证 110101 19900307 1233', '身份证 110101********1233', '19900307'],
  ['full-width', '身份证４４０３０５１９８５１２３１００２６', '身份证440305********0026', '１９８５'],
  ['born 2008, no label', '110105200802297715是孩子的', '110105********7715是孩子的', '20080229'],
];

const BANK_CARDS: Shape[] = [
  ['UnionPay 19', '卡号6222021234567890128', '卡号6222***********0128', '02123456789'],
  ['UnionPay 19 in fours', '卡号 6217 0000 0012 3456 786', '卡号 6217***********6786', '0000 0012'],
  ['UnionPay 16', '卡号6225880012345675退这张', '卡号6225********5675退这张', '88001234'],
  ['UnionPay 18', '622848012345678900', '6228**********8900', '4801234567'],
  ['Visa', 'visa 4111111111111111', 'visa 4111********1111', '11111111111111'],
  ['Mastercard', '万事达5555555555554444', '万事达5555********4444', '55555555554'],
  ['dashed', '6236-6812-3456-7899', '6236********7899', '6812'],
  ['full-width', '卡号６２２２０２１２３４５６７８９０１２８', '卡号6222***********0128', '１２３４'],
];

const CONTACT_IDS: Shape[] = [
  ['微信 then id', '微信abc_123456', '微信ab*******6', 'c_12345'],
  ['微信号：', '微信号：wxid_k2j3h4', '微信号：wx********4', 'id_k2j3h'],
  ['vx:', 'vx: Huashu_2024 加一下', 'vx: Hu********4 加一下', 'ashu_202'],
  ['加V：', '加V：happybuyer88', '加V：ha*********8', 'ppybuyer'],
  ['薇信', '薇信 tb-buyer99', '薇信 tb*******9', '-buyer9'],
  ['full-width WX', 'ＷＸ：ｂｕｙｅｒ１２３', 'ＷＸ：bu*****3', 'ｙｅｒ'],
  ['QQ', 'QQ 123456789', 'QQ 12******9', '345678'],
  ['QQ without space', 'QQ123456789', 'QQ12******9', '345678'],
  ['qq号：', 'qq号：98765432', 'qq号：98*****2', '76543'],
  ['扣扣', '扣扣1234567', '扣扣12****7', '3456'],
  ['企鹅号', '企鹅号10001234', '企鹅号10*****4', '00123'],
  ['QQ in numerals', 'QQ一二三四五六七八', 'QQ12*****8', '三四五六七'],
];

const EMAILS: Shape[] = [
  ['email', '邮箱buyer.zhang@163.com', '邮箱bu*********@163.com', 'yer.zhang'],
  ['full-width email', 'ｂｕｙｅｒ＠ｑｑ．ｃｏｍ', 'bu***@qq.com', 'ｙｅｒ'],
  ['a phone as the mailbox name', '13812345678@qq.com', '13*********@qq.com', '812345678'],
  [
    'plus and subdomain',
    '发到first.last+shop@example.com.cn谢谢',
    '发到fi*************@example.com.cn谢谢',
    'rst.last',
  ],
];

const ADDRESSES: Shape[] = [
  ['road, building, room', '地址北京市朝阳区建国路88号5号楼1201室', '地址北京市朝阳区***', '建国路'],
  ['province to tower', '改成浙江省杭州市西湖区文三路478号华星时代广场A座', '改成浙江省杭州市西湖区***', '文三路'],
  ['estate without region', '寄到幸福小区3栋2单元502', '寄到***', '502'],
  ['road and number', '上海市浦东新区张杨路500号', '上海市浦东新区***', '张杨路'],
  ['no road word: place and 号', '上海市浦东新区金桥12号', '上海市浦东新区***', '金桥'],
  ['no road word: park and 栋', '广东省深圳市南山区科兴科学园B栋', '广东省深圳市南山区***', '科兴'],
  ['街道 then street', '四川省成都市武侯区桂溪街道天府三街19号', '四川省成都市武侯区***', '桂溪'],
  ['苏州市 and 工业园区', '江苏省苏州市工业园区星湖街328号', '江苏省苏州市***', '星湖街'],
  ['autonomous region, 大街', '内蒙古自治区呼和浩特市新城区成吉思汗大街9号', '内蒙古自治区呼和浩特市新城区***', '大街'],
  ['county-level city', '浙江省金华市义乌市稠城街道江东路8号', '浙江省金华市义乌市***', '稠城'],
  ['county, town, village', '河北省保定市涞水县三坡镇苟各庄村', '河北省保定市涞水县***', '三坡镇'],
  ['大街 and 号', '北京市海淀区中关村大街27号', '北京市海淀区***', '中关村'],
  ['full-width house number', '北京市朝阳区建国路８８号', '北京市朝阳区***', '建国路'],
  ['house number in numerals', '杭州市西湖区文三路四七八号', '杭州市西湖区***', '四七八'],
  ['municipality without 市', '重庆渝中区解放碑步行街8号', '重庆渝中区***', '解放碑'],
  ['lane (弄)', '上海市黄浦区长乐路100弄5号', '上海市黄浦区***', '100弄'],
  ['garden without region', '送到阳光花园5号楼', '送到***', '阳光花园'],
  ['village group', '地址：王家村5组12号', '地址：***', '王家村'],
  ['district only', '朝阳区建国路88号', '朝阳区***', '建国路'],
  ['after 地址是', '我的地址是朝阳区建国路88号', '我的地址是朝阳区***', '88号'],
  [
    'address and phone',
    '收货地址广西壮族自治区南宁市青秀区民族大道100号，电话13812345678',
    '收货地址广西壮族自治区南宁市青秀区***，电话138****5678',
    '民族大道',
  ],
];

const SHAPES = [...PHONES, ...LANDLINES, ...ID_CARDS, ...BANK_CARDS, ...CONTACT_IDS, ...EMAILS, ...ADDRESSES];

describe('maskPersonal: personal data', () => {
  test('the corpus has at least 60 shapes', () => {
    expect(SHAPES.length).toBeGreaterThanOrEqual(60);
  });

  test.each(SHAPES)('%s', (_shape, text, masked, gone) => {
    const result = maskPersonal(text);
    expect(result).toBe(masked);
    expect(result).not.toContain(gone);
  });
});

describe('maskPersonal: what is not personal stays', () => {
  test.each([
    ['a Douyin order number (passes Luhn)', '订单6921847302918374651'],
    ['an order number with no label', '6921847302918374651'],
    ['an order number that looks like a card', '订单号：6221847302918374656'],
    ['a spaced order number', '单号 6921 8473 0291 8374 651'],
    ['an ID with a wrong checksum', '110101199003071234'],
    ['a tracking number with letters', '运单号YT7418529630174'],
    ['a 顺丰 tracking number', 'SF1234567890123'],
    ['a digits-only tracking number', '中通75312345678901'],
    ['an 11-digit number that is no phone', '12345678901'],
    ['a hotline', '400-820-8820'],
    ['a product id', '商品538872953711有货吗'],
    ['an amount', '¥129.00'],
    ['a date and time', '11月25日10:33'],
    ['a model', 'iPhone15ProMax 256G'],
    ['a size', '尺码37.5，数量 3 个'],
    ['a link with wx in it', 'https://item.m.jd.com/product/100003822200.html?wxa_abtest=b'],
    ['payment by WeChat', '可以用微信支付吗'],
    ['QQ without a number', 'QQ音乐会员'],
    ['a mention', '@所有人 什么时候发货'],
    ['a date with 号', '这个市场价13号发货'],
    ['a date in numerals', '一号应该到不了天津要是一号能到就好了'],
    ['on the way', '路上要几天'],
    ['asking to change the address', '可以改地址吗'],
    ['a city alone', '我在上海'],
    ['a county town', '一个县城路过'],
    ['the estate gate', '放在小区门口'],
    ['a verb that is also a lane', '可不可以弄一下'],
    ['a dorm and a count', '我们宿舍四个人都买了'],
    ['a pronoun before 原路', '景县那货你们原路退回不就行了'],
    ['placeholders of the corpus sources', '[数字x]号 <num> [地址x] [姓名]'],
  ])('%s', (_what, text) => {
    expect(maskPersonal(text)).toBe(text);
  });
});

describe('maskContext', () => {
  const context: FeedbackContext = {
    conversationId: '用户13812345678',
    messageId: 'm1',
    intent: 'change_address',
    intentLabel: '改地址',
    confidence: 0.9,
    why: ['“地址北京市朝阳区建国路88号”'],
    buyerText: '改到北京市朝阳区建国路88号，电话13912345678',
    replies: ['好的，已改为北京市朝阳区建国路88号'],
    node: 'awaiting_shipment',
    orderId: '6921847302918374651',
    product: '定制刻字 13812345678 手机壳',
  };

  test('masks every text of the context, the product included, and keeps the order id readable', () => {
    expect(maskContext(context)).toEqual({
      ...context,
      conversationId: '用户138****5678',
      why: ['“地址北京市朝阳区***”'],
      buyerText: '改到北京市朝阳区***，电话139****5678',
      replies: ['好的，已改为北京市朝阳区***'],
      product: '定制刻字 138****5678 手机壳',
    });
  });

  test('a context without an order stays without one', () => {
    const masked = maskContext({ ...context, orderId: undefined, product: undefined });
    expect(masked.orderId).toBeUndefined();
    expect(masked.product).toBeUndefined();
  });
});

test('100 KB of adversarial text is masked without the regexes blowing up', () => {
  const size = 100_000;
  for (const text of [
    'a'.repeat(size),
    `${'a.'.repeat(size / 2)}@`,
    '1 '.repeat(size / 2),
    '1-'.repeat(size / 2),
    'a1 '.repeat(size / 3),
    '(1 '.repeat(size / 3),
    '北京市朝阳区'.repeat(size / 6),
    '幸福小区'.repeat(size / 4),
    '建国路88号'.repeat(size / 6),
    '微信 '.repeat(size / 3),
    '一'.repeat(size),
  ]) {
    expect(maskPersonal(text).length).toBeGreaterThan(0);
  }
});
