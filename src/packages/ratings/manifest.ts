import type { SubpackageManifest } from '../../manifest-types';

/** 星级物业: a firm's card, rating it, the leaderboard, assessment, periods and weights, moderation, replies. */
export default {
  root: 'packages/ratings',
  workTitle: '物业评星',
  pages: {
    ratingFirm: 'pages/firm/index',
    ratingRate: 'pages/rate/index',
    ratingLeaderboard: 'pages/leaderboard/index',
    ratingAssess: 'pages/assess/index',
    ratingManage: 'pages/manage/index',
    ratingModeration: 'pages/moderation/index',
    ratingReply: 'pages/reply/index',
    ratingReview: 'pages/review/index',
    ratingObjections: 'pages/objections/index',
  },
  entries: [
    { label: '物业星级榜', route: 'ratingLeaderboard', section: 'info', when: 'anyone', testId: 'entry-firm-board' },
    { label: '评价物业', route: 'ratingRate', section: 'resident', when: 'verifiedResident', testId: 'entry-rate-firm' },
    { label: '物业考评', hint: '按四项标准为物业企业打分', route: 'ratingAssess', section: 'work', when: 'assessFirms', testId: 'entry-assess' },
    { label: '评星管理', hint: '评价周期与评分权重', route: 'ratingManage', section: 'work', when: 'manageRatings', testId: 'entry-rating-manage' },
    { label: '评论审核', hint: '处理被举报的评价', route: 'ratingModeration', section: 'work', when: 'moderateComments', testId: 'entry-moderation' },
    { label: '评价反馈', hint: '以物业企业名义公开回复评价', route: 'ratingReply', section: 'work', when: 'replyAsFirm', testId: 'entry-firm-reply' },
    {
      label: '结果异议',
      hint: '公示期内对评价结果提出异议、查看答复',
      route: 'ratingObjections',
      section: 'work',
      when: 'replyAsFirm',
      testId: 'entry-objections',
    },
  ],
} as const satisfies SubpackageManifest;
