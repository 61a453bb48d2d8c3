/** Korean, the kiosk's first language. Plain words for older customers: no jargon, no loanwords where Korean has one. */
import { josa } from 'es-hangul';
import type { Collection } from '../camera/vision-messages';

/** The day the store opens next, for the closed screen: `inDays` 0 is today. */
export type NextOpeningDay = { date: string; weekday: number; inDays: number };

export const ko = {
  lang: 'ko',
  speechLang: 'ko-KR',
  won: (amount: number) => `${amount.toLocaleString('ko-KR')}원`,
  extraCharge: (amount: number) => `+${amount.toLocaleString('ko-KR')}원`,
  pieces: (count: number) => `${count}개`,
  loading: {
    title: '늘봄 키오스크',
    loading: '준비하고 있어요… (Loading…)',
    waiting: '잠시만 기다려 주세요. 준비하고 있어요. (Preparing, please wait.)',
    unpaired: '이 키오스크는 아직 등록되지 않았어요. 직원에게 알려 주세요. (This kiosk is not paired yet. Please tell a staff member.)',
    unpairedStaff: '직원: 콘솔의 기기 화면에서 키오스크를 추가하고, 그 링크를 이 화면에서 여세요. (Staff: add a kiosk on the console’s Devices page and open its link on this screen.)',
  },
  header: {
    toEasy: '쉬운 주문',
    toStandard: '일반 화면',
    otherLanguage: 'English',
    otherLanguageCode: 'en',
    callStaff: '직원 호출',
    staffCalled: '직원을 불렀어요. 잠시만 기다려 주세요.',
    staffCallFailed: '직원 호출이 안 됐어요. 카운터에 말씀해 주세요.',
    replay: '다시 듣기',
  },
  camera: {
    /** What the store keeps of what the camera sees (its collection setting), and for how long. */
    notice: (collection: Collection, days: number) =>
      ({
        off: '화면을 쉽게 바꿔 드리려고 카메라로 나이대를 살펴요. 얼굴 사진은 저장하지 않아요. 얼굴 특징값도 남기지 않아요.',
        embeddings: `화면을 쉽게 바꿔 드리려고 카메라로 나이대를 살펴요. 얼굴 사진은 저장하지 않아요. 더 잘 알아보도록 얼굴 특징값만 ${days}일 보관해요.`,
        images: `화면을 쉽게 바꿔 드리려고 카메라로 나이대를 살펴요. 얼굴 사진 수집 중: 더 잘 알아보도록 얼굴 사진과 특징값을 ${days}일 보관해요.`,
      })[collection],
    switched: '큰 글씨 쉬운 화면으로 바꿨어요.',
    switchedPrompt: '큰 글씨 쉬운 화면으로 바꿨어요. 원래 화면이 편하시면 원래 화면으로를 눌러 주세요.',
    undo: '원래 화면으로',
    suggest: '큰 글씨로 볼까요?',
    suggestPrompt: '큰 글씨로 볼까요? 네, 또는 아니요를 눌러 주세요.',
    suggestYes: '네, 크게 볼게요',
    suggestNo: '아니요',
  },
  voice: {
    speak: '말로 주문',
    listening: '듣고 있어요. 말씀해 주세요.',
    heard: (text: string) => `들은 말: “${text}”`,
    confirmAdd: (list: string) => `${list} 담을까요?`,
    confirmRemove: (name: string) => `${josa(name, '을/를')} 뺄까요?`,
    confirmQuantity: (name: string, count: number) => `${name} ${count}개 맞으세요?`,
    confirmRestart: '처음으로 갈까요? 담은 메뉴가 지워져요.',
    notUnderstood: '잘 못 알아들었어요. 다시 말씀하시거나 화면을 눌러 주세요.',
    notNow: '지금은 할 수 없어요. 화면의 안내를 따라 주세요.',
    noMicrophone: '마이크를 쓸 수 없어요. 화면을 눌러 주문해 주세요.',
    yes: '네',
    no: '아니요',
  },
  nav: { back: '이전', home: '처음으로', homeConfirm: '처음으로 갈까요? 담은 메뉴가 지워져요.', yes: '네', no: '아니요' },
  closed: {
    title: '지금은 영업 시간이 아니에요',
    hours: (open: string, close: string) => `영업 시간: ${open} – ${close}`,
    thanks: '찾아 주셔서 고맙습니다. 영업 시간에 다시 와 주세요.',
    opensNext: ({ date, weekday, inDays }: NextOpeningDay, time: string) =>
      `${inDays === 0 ? '오늘' : inDays === 1 ? '내일' : `${Number(date.slice(5, 7))}월 ${Number(date.slice(8, 10))}일 (${'일월화수목금토'[weekday]})`} ${time}에 다시 열어요.`,
  },
  welcome: {
    title: '어서 오세요',
    subtitle: '주문 방법을 골라 주세요',
    standard: '주문하기',
    standardHint: '메뉴를 한눈에 보며 주문',
    easy: '쉬운 주문',
    easyHint: '큰 글씨 · 한 단계씩 · 음성 안내',
    prompt: '어서 오세요. 주문하기나 쉬운 주문을 눌러 주세요.',
  },
  menu: {
    categories: '메뉴 종류',
    soldOut: '품절',
    cartSummary: (count: number, total: string) => `담은 메뉴 ${count}개 · ${total}`,
    emptyCart: '아직 담은 메뉴가 없어요',
    viewCart: '주문 확인',
    prompt: '드시고 싶은 메뉴를 눌러 주세요.',
    added: (name: string) => `${josa(name, '을/를')} 담았어요.`,
  },
  recommend: {
    /** Whom the suggestions are for: 60대 이상 여성, 60세 미만 남성, 60대 이상 … */
    audience: (segment: string, seniorAge: number) => {
      const senior = seniorAge % 10 === 0 ? `${seniorAge}대 이상` : `${seniorAge}세 이상`;
      const age = segment.startsWith('senior') ? senior : `${seniorAge}세 미만`;
      const gender = segment.endsWith('_female') ? ' 여성' : segment.endsWith('_male') ? ' 남성' : '';
      return `${age}${gender}`;
    },
    groupTitle: (audience: string) => `${audience} 고객님들이 많이 찾는 메뉴`,
    popularTitle: '지금 많이 찾는 메뉴',
    byGroup: (lift: number) => (lift >= 1.5 ? `다른 분들보다 ${lift.toFixed(1)}배 더 찾아요` : '많이 찾으세요'),
    popular: '이 시간에 인기',
    pairsTitle: '함께 많이 주문해요',
    withDish: (name: string) => `${josa(name, '와/과')} 함께`,
    allMenu: '전체 메뉴',
  },
  item: {
    quantity: '수량',
    decrease: '하나 빼기',
    increase: '하나 더',
    add: (total: string) => `담기 · ${total}`,
    prompt: (name: string) => `${name}. 원하는 것을 고르고 담기를 눌러 주세요.`,
  },
  cart: {
    title: '주문 확인',
    total: '합계',
    remove: '빼기',
    removeLabel: (name: string) => `${name} 빼기`,
    decreaseLabel: (name: string) => `${name} 하나 빼기`,
    increaseLabel: (name: string) => `${name} 하나 더`,
    addMore: '메뉴 더 담기',
    order: '주문하기',
    empty: '담은 메뉴가 없어요',
    prompt: (total: string) => `주문하실 메뉴를 확인해 주세요. 합계는 ${total}이에요.`,
  },
  dining: {
    question: '어디에서 드시나요?',
    dineIn: '여기서 먹어요',
    takeout: '포장해요',
    prompt: '어디에서 드시나요? 여기서 먹어요, 또는 포장해요를 눌러 주세요.',
  },
  payment: {
    title: '결제',
    amount: '결제할 금액',
    insertCard: '카드를 단말기에 꽂아 주세요',
    processing: '결제하고 있어요. 카드를 빼지 마세요.',
    declined: '카드가 승인되지 않았어요. 다른 카드로 다시 해 주세요.',
    offline: '지금은 카드 결제를 할 수 없어요. 주문은 받을 수 있어요. 번호를 받고 카운터에서 결제해 주세요.',
    payAtCounter: '주문하고 카운터에서 결제',
    chooseCounter: '카운터에서 결제할게요',
    keepFailed: '주문을 받지 못했어요. 직원을 불러 주세요.',
    simulator: '연습용 결제 단말기',
    simulatorApprove: '카드 꽂기',
    simulatorDecline: '승인 안 되는 카드 꽂기',
    prompt: (total: string, counterToo: boolean) => `결제할 금액은 ${total}이에요. 카드를 단말기에 꽂아 주세요.${counterToo ? ' 카운터에서 결제하시려면 카운터에서 결제할게요를 눌러 주세요.' : ''}`,
  },
  done: {
    title: '주문이 끝났어요',
    number: '주문번호',
    dineIn: '음식이 준비되면 번호를 불러 드려요.',
    takeout: '포장이 준비되면 번호를 불러 드려요.',
    returning: (seconds: number) => `${seconds}초 뒤에 처음 화면으로 돌아가요.`,
    newOrder: '처음으로',
    payAtCounter: (total: string) => `카운터에서 ${total}을 결제해 주세요. 아직 결제되지 않았어요.`,
    prompt: (callNumber: string, dueAtCounter: string | null) =>
      `주문이 끝났어요. 주문번호는 ${callNumber}번이에요. ${dueAtCounter ? `카운터에서 ${dueAtCounter}을 결제해 주세요. ` : ''}번호를 불러 드릴게요.`,
  },
  idle: {
    title: '아직 주문하고 계신가요?',
    body: (seconds: number) => `${seconds}초 뒤에 처음 화면으로 돌아가요.`,
    moreTime: '시간 더 주세요',
    prompt: '아직 주문하고 계신가요? 시간이 더 필요하시면 시간 더 주세요를 눌러 주세요.',
  },
  easy: {
    steps: ['메뉴 고르기', '주문 확인', '먹는 곳', '결제'],
    progress: (step: number, total: number) => `${total}단계 중 ${step}단계`,
    remaining: (left: number) => (left > 0 ? `${left}단계 남았어요` : '마지막 단계예요'),
    pickTitle: '무엇을 드시겠어요?',
    pickPrompt: '무엇을 드시겠어요? 먼저 종류를 고르고, 메뉴를 눌러 주세요.',
    optionQuestion: (group: string) => `${josa(group, '은/는')} 어떻게 할까요?`,
    quantityQuestion: (name: string) => `${name}, 몇 개 드릴까요?`,
    addCount: (count: number) => `${count}개 담기`,
    moreQuestion: '더 주문하실 게 있나요?',
    inCart: '지금까지 담은 메뉴',
    moreYes: '네, 더 고를게요',
    moreNo: '아니요, 주문할게요',
    morePrompt: (count: number, total: string) => `지금까지 ${count}개, ${total}이에요. 더 주문하실 게 있나요?`,
  },
};

export type Messages = typeof ko;
