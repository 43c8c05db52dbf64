// The "Draft inquiry" text (issue 25): one message per chosen supplier, in Chinese to send and in English for the
// buyer to read, covering what buyers ask before a deposit — quantity, target price, samples and their cost,
// customisation/OEM, lead time, carton size and weight, certificates (EN71 and CE for toys in the EU). The
// providers expose no certificate data (sourcing facts §2), so the message asks for them. Nothing is sent: the
// buyer copies it into 旺旺 or WeChat, opened with the supplier's chat link.

export interface InquiryRequest {
  /** Pieces (or `unit`s) the buyer would order. */
  quantity: number;
  /** As the seller writes it (`件`, `个`); default `件`. */
  unit?: string;
  /** Target unit price in CNY. */
  targetPriceCny?: number;
  /** Ask for samples and their cost. */
  samples?: boolean;
  /** What to customise (logo, colour, packaging…); asks whether OEM is possible. */
  customisation?: string;
  /** Wanted lead time in days. */
  leadTimeDays?: number;
  /** Ask for carton size, pieces per carton and gross weight. */
  carton?: boolean;
  /** Certificates to ask for, e.g. `EN71`, `CE`. */
  certificates?: readonly string[];
}

export interface InquirySupplier {
  companyName: string | null;
  chatUrl: string | null;
}

export interface InquiryDraft {
  /** Who it is for (the company name, else "supplier"). */
  to: string;
  /** The message to send, in Chinese. */
  zh: string;
  /** The same message in English, for the buyer. */
  en: string;
  /** Where to paste it: the supplier's 旺旺 web chat, when known. */
  chatUrl: string | null;
}

const money = (value: number) => value.toFixed(2).replace(/\.00$/, '');

/** The numbered questions, each in both languages, for what the buyer filled in. */
function questions(request: InquiryRequest): [string, string][] {
  const unit = request.unit?.trim() || '件';
  const lines: [string, string][] = [
    [`采购数量：${request.quantity} ${unit}`, `Quantity: ${request.quantity} ${unit}`],
  ];
  if (request.targetPriceCny !== undefined)
    lines.push([
      `目标价格：¥${money(request.targetPriceCny)}/${unit}，请报最优价格（注明是否含税、含运费）`,
      `Target price: ¥${money(request.targetPriceCny)} per ${unit}; please quote your best price (say whether tax and freight are included)`,
    ]);
  if (request.samples)
    lines.push([
      '样品：能否提供样品？样品费和运费各多少？下单后是否退还样品费？',
      'Samples: can you send samples? What do the samples and their shipping cost? Is the sample fee refunded with an order?',
    ]);
  if (request.customisation?.trim())
    lines.push([
      `定制/OEM：需要${request.customisation.trim()}，是否支持？定制的起订量和费用是多少？`,
      `Customisation/OEM: we need ${request.customisation.trim()}; can you do it? What are the minimum order and cost for it?`,
    ]);
  if (request.leadTimeDays !== undefined)
    lines.push([
      `交货期：下单后多少天发货？我们希望在 ${request.leadTimeDays} 天内。`,
      `Lead time: how many days from order to dispatch? We would like ${request.leadTimeDays} days or less.`,
    ]);
  if (request.carton)
    lines.push([
      '包装：每箱装多少件？外箱尺寸（厘米）和毛重（公斤）是多少？',
      'Packing: how many pieces per carton? Carton size (cm) and gross weight (kg)?',
    ]);
  const certificates = (request.certificates ?? []).map((c) => c.trim()).filter(Boolean);
  if (certificates.length > 0)
    lines.push([
      `认证：产品是否有 ${certificates.join('、')} 认证？请发送证书或检测报告。`,
      `Certificates: does the product have ${certificates.join(', ')}? Please send the certificates or test reports.`,
    ]);
  return lines;
}

/** One draft per supplier, in the order given. Throws `RangeError` for a quantity that is not a positive number. */
export function draftInquiries(
  suppliers: readonly InquirySupplier[],
  request: InquiryRequest,
): InquiryDraft[] {
  if (!Number.isFinite(request.quantity) || request.quantity <= 0)
    throw new RangeError('quantity: give how many pieces you would order');
  const asked = questions(request);
  return suppliers.map((supplier) => {
    const to = supplier.companyName?.trim() || 'supplier';
    const zhName = supplier.companyName?.trim() || '老板';
    const zh = [
      `您好，${zhName}！`,
      '我们是海外采购商，对贵司产品很感兴趣，想请教以下几点：',
      ...asked.map(([line], i) => `${i + 1}. ${line}`),
      '期待您的回复，谢谢！',
    ].join('\n');
    const en = [
      `Hello ${to},`,
      'We are an overseas buyer interested in your products and would like to ask:',
      ...asked.map(([, line], i) => `${i + 1}. ${line}`),
      'We look forward to your reply. Thank you!',
    ].join('\n');
    return { to, zh, en, chatUrl: supplier.chatUrl };
  });
}
