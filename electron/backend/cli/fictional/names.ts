import type { Rng } from './prng';

/* Fictional names: common surnames and given-name characters combined at random. */

/** Roughly by frequency: the first ones are drawn far more often. */
const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方'];

/** Given-name characters by generation: names carry their decade. */
const GIVEN = {
  older: {
    M: Array.from('建国华明德福军民强忠荣志成永生文宝海平树林庆贵春有金山保全兴胜富才祥'),
    F: Array.from('秀英兰芳玉珍桂凤淑华梅琴翠霞素云月娥秀珠美爱荣巧莲菊花彩娟'),
  },
  middle: {
    M: Array.from('伟刚勇军涛斌波辉峰磊鹏超杰健东亮宏毅俊晓振卫新江飞龙华明永'),
    F: Array.from('丽娟红艳萍敏静燕霞玲芳慧颖洁琳莉晓雪梅婷娜丹丽蕾虹春秋'),
  },
  younger: {
    M: Array.from('浩宇轩然子博睿泽俊辰昊天逸晨嘉皓一鸣铭宸煜航瑞骏文景'),
    F: Array.from('欣怡梓涵可馨雨诗思佳语彤悦琪若曦萱妍紫怡梦瑶雅心安乐'),
  },
};

export function randomSurname(rng: Rng): string {
  if (rng.chance(0.005)) return rng.pick(COMPOUND_SURNAMES);
  // Skewed toward the front of the list, as real surname frequencies are.
  const i = Math.floor(SURNAMES.length * Math.pow(rng.next(), 1.8));
  return SURNAMES[i]!;
}

export function randomGivenName(rng: Rng, gender: 'M' | 'F', birthYear: number): string {
  const era = birthYear < 1965 ? GIVEN.older : birthYear < 1995 ? GIVEN.middle : GIVEN.younger;
  const pool = era[gender];
  const single = rng.chance(birthYear < 1965 ? 0.12 : birthYear < 1995 ? 0.3 : 0.15);
  return single ? rng.pick(pool) : rng.pick(pool) + rng.pick(pool);
}
