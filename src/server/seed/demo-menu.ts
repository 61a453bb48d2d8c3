/** The demo store 늘봄식당, from shared/docs/demo-menu.md. Ids are stable: voice, recommendations and tests use them. */
import type { LocalizedName, MenuItem, OptionGroup } from '../../domain/menu';

export type SeedItem = Omit<MenuItem, 'imageUrl' | 'soldOut'>;

export const demoCategories: (LocalizedName & { id: string })[] = [
  { id: 'meals', ko: '식사', en: 'Meals' },
  { id: 'noodles', ko: '면', en: 'Noodles' },
  { id: 'sides', ko: '사이드', en: 'Sides' },
  { id: 'drinks', ko: '음료', en: 'Drinks' },
];

export const demoOptionGroups: OptionGroup[] = [
  {
    id: 'spice',
    ko: '맵기',
    en: 'Spiciness',
    values: [
      { id: 'medium', ko: '보통', en: 'Medium', extraPrice: 0, aliases: ['보통 맵기', '중간 맛'] },
      { id: 'mild', ko: '순한맛', en: 'Mild', extraPrice: 0, aliases: ['순하게', '안 맵게', '덜 맵게'] },
      { id: 'hot', ko: '매운맛', en: 'Hot', extraPrice: 0, aliases: ['맵게', '아주 맵게'] },
    ],
  },
  {
    id: 'rice',
    ko: '공기밥',
    en: 'Rice',
    values: [
      { id: 'none', ko: '추가 안 함', en: 'No extra rice', extraPrice: 0, aliases: ['공기밥 없이', '밥 없이'] },
      { id: 'extra', ko: '공기밥 추가', en: 'Extra rice', extraPrice: 1000, aliases: ['공깃밥 추가', '밥 추가', '공기밥 하나 더'] },
    ],
  },
  {
    id: 'bowl',
    ko: '그릇',
    en: 'Bowl',
    values: [
      { id: 'regular', ko: '일반', en: 'Regular bowl', extraPrice: 0, aliases: ['일반 그릇'] },
      { id: 'stone', ko: '돌솥', en: 'Hot stone bowl', extraPrice: 1000, aliases: [] },
    ],
  },
  {
    id: 'size',
    ko: '양',
    en: 'Size',
    values: [
      { id: 'regular', ko: '보통', en: 'Regular', extraPrice: 0, aliases: ['보통 양'] },
      { id: 'large', ko: '곱빼기', en: 'Large', extraPrice: 2000, aliases: ['곱배기', '양 많이'] },
    ],
  },
  {
    id: 'temperature',
    ko: '온도',
    en: 'Temperature',
    values: [
      { id: 'hot', ko: '따뜻하게', en: 'Hot', extraPrice: 0, aliases: ['뜨겁게', '따뜻한', '뜨거운'] },
      { id: 'iced', ko: '차갑게', en: 'Iced', extraPrice: 0, aliases: ['차가운', '아이스', '시원하게'] },
    ],
  },
];

export const demoItems: SeedItem[] = [
  { id: 'mackerel-set', categoryId: 'meals', ko: '고등어구이 정식', en: 'Grilled Mackerel Set', price: 11000, optionGroupIds: ['rice'], aliases: ['고등어구이', '고등어', '생선구이'] },
  { id: 'kimchi-stew', categoryId: 'meals', ko: '김치찌개', en: 'Kimchi Stew', price: 9000, optionGroupIds: ['spice', 'rice'], aliases: ['김치 찌개', '김찌'] },
  { id: 'yukgaejang', categoryId: 'meals', ko: '육개장', en: 'Spicy Beef Soup', price: 10000, optionGroupIds: ['spice', 'rice'], aliases: [] },
  { id: 'doenjang-stew', categoryId: 'meals', ko: '된장찌개', en: 'Soybean Paste Stew', price: 9000, optionGroupIds: ['rice'], aliases: ['된장 찌개'] },
  { id: 'bibimbap', categoryId: 'meals', ko: '비빔밥', en: 'Bibimbap', price: 9500, optionGroupIds: ['bowl'], aliases: [] },
  { id: 'bulgogi-set', categoryId: 'meals', ko: '불고기 정식', en: 'Bulgogi Set', price: 12000, optionGroupIds: ['rice'], aliases: ['불고기'] },
  { id: 'jeyuk', categoryId: 'meals', ko: '제육볶음', en: 'Spicy Stir-fried Pork', price: 10000, optionGroupIds: ['spice', 'rice'], aliases: ['제육'] },
  { id: 'seolleongtang', categoryId: 'meals', ko: '설렁탕', en: 'Ox Bone Soup', price: 10000, optionGroupIds: ['rice'], aliases: [] },
  { id: 'naengmyeon', categoryId: 'noodles', ko: '물냉면', en: 'Cold Buckwheat Noodles', price: 9000, optionGroupIds: ['size'], aliases: ['냉면', '물냉'] },
  { id: 'kalguksu', categoryId: 'noodles', ko: '칼국수', en: 'Knife-cut Noodle Soup', price: 8500, optionGroupIds: ['size'], aliases: [] },
  { id: 'janchi-guksu', categoryId: 'noodles', ko: '잔치국수', en: 'Banquet Noodles', price: 7000, optionGroupIds: ['size'], aliases: [] },
  { id: 'kimchi-jeon', categoryId: 'sides', ko: '김치전', en: 'Kimchi Pancake', price: 8000, optionGroupIds: [], aliases: ['김치 부침개'] },
  { id: 'gun-mandu', categoryId: 'sides', ko: '군만두', en: 'Fried Dumplings', price: 6000, optionGroupIds: [], aliases: ['만두'] },
  { id: 'gyeran-mari', categoryId: 'sides', ko: '계란말이', en: 'Rolled Omelette', price: 7000, optionGroupIds: [], aliases: ['달걀말이'] },
  { id: 'sikhye', categoryId: 'drinks', ko: '식혜', en: 'Sweet Rice Punch', price: 3000, optionGroupIds: [], aliases: [] },
  { id: 'sujeonggwa', categoryId: 'drinks', ko: '수정과', en: 'Cinnamon Punch', price: 3000, optionGroupIds: [], aliases: [] },
  { id: 'cola', categoryId: 'drinks', ko: '콜라', en: 'Cola', price: 2000, optionGroupIds: [], aliases: [] },
  { id: 'cider', categoryId: 'drinks', ko: '사이다', en: 'Lemon-Lime Soda', price: 2000, optionGroupIds: [], aliases: [] },
  { id: 'americano', categoryId: 'drinks', ko: '아메리카노', en: 'Americano', price: 3000, optionGroupIds: ['temperature'], aliases: ['커피'] },
];
