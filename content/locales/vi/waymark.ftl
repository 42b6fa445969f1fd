# Waymark's public pages, in English. This file is the source every translation follows: a new message
# here needs the same id in every other locale (a test checks it).
#
# Words: say "you" and "the person", never "victim" on these pages.

## About this locale

language-name = Tiếng Việt
# Set to "yes" when a native speaker has reviewed this locale; until then every page says it is unreviewed.
translation-reviewed = no
translation-note = Bản dịch này chưa được người bản ngữ kiểm tra lại.

## Layout

skip-to-content = Chuyển đến nội dung chính
site-name = Waymark
exit-page = Thoát khỏi trang này
exit-advice = Để rời đi nhanh, hãy bấm “Thoát khỏi trang này” hoặc nhấn phím Shift ba lần. Việc này không xóa lịch sử duyệt web: nếu có người kiểm tra điện thoại của bạn, hãy dùng cửa sổ riêng tư (ẩn danh), hoặc xóa trang này khỏi lịch sử sau khi xem xong.
language-picker = Ngôn ngữ
nav-main = Mục chính
nav-home = Trang đầu
nav-rights = Quyền của bạn
nav-support = Hỗ trợ
nav-screening = Kiểm tra điều bạn lo ngại
nav-help = Xin giúp đỡ
nav-codename = Đọc tin trả lời
nav-staff = Nhân viên đăng nhập
error-summary-title = Có vấn đề
continue = Tiếp tục
back = Quay lại
answer-yes = Có
answer-no = Không
optional = (không bắt buộc)

## Nations

nation-england_wales = Anh và xứ Wales
nation-scotland = Scotland
nation-northern_ireland = Bắc Ireland
children-services-england_wales = bộ phận dịch vụ trẻ em của chính quyền địa phương
children-services-scotland = bộ phận công tác xã hội về trẻ em của chính quyền địa phương
children-services-northern_ireland = bộ phận dịch vụ trẻ em của Health and Social Care Trust (cơ quan y tế và chăm sóc xã hội địa phương)

## Helplines (the numbers are in the jurisdiction rules; these are their names and when to call)

helplines-heading = Nên gọi cho ai ở { $nation }
helpline-emergency = Dịch vụ khẩn cấp
helpline-emergency-when = nếu có người đang gặp nguy hiểm ngay lúc này
helpline-modern_slavery_helpline = Modern Slavery & Exploitation Helpline (đường dây trợ giúp: miễn phí, 24 giờ mỗi ngày, bảo mật, có thông dịch viên)
helpline-modern_slavery_helpline-when = để được tư vấn bất cứ lúc nào, bằng ngôn ngữ của bạn
helpline-child_trafficking_guardians = Independent Child Trafficking Guardians (người giám hộ độc lập cho trẻ em bị buôn bán)
helpline-child_trafficking_guardians-when = nếu người đó dưới 18 tuổi hoặc có thể dưới 18 tuổi
helpline-tara = TARA (hỗ trợ phụ nữ từng bị bóc lột tình dục)
helpline-tara-when = dành cho phụ nữ ở Scotland
helpline-migrant_help_scotland = Migrant Help Scotland
helpline-migrant_help_scotland-when = hỗ trợ người lớn ở Scotland
helpline-police_non_emergency = Cảnh sát (trường hợp không khẩn cấp)
helpline-police_non_emergency-when = chỉ khi bạn tự chọn trình báo một vụ phạm tội
helpline-crimestoppers = Crimestoppers (ẩn danh)
helpline-crimestoppers-when = để báo tin mà không cần nói tên của bạn

## Start page

home-title = Giúp đỡ và an toàn, dù bạn đang ở hoàn cảnh nào
home-lead = Nếu có người kiểm soát công việc, tiền bạc, giấy tờ của bạn hay những nơi bạn được đi — hoặc bắt bạn làm những việc bạn không muốn làm — thì vẫn có người sẵn sàng giúp bạn. Việc giúp đỡ là miễn phí, được giữ bí mật và không phụ thuộc vào tình trạng di trú của bạn.
home-self-heading = Nếu việc này đang xảy ra với bạn
home-self-body = Bạn có thể tự mình xin một tổ chức hỗ trợ giúp đỡ, ngay tại đây, mà không cần cho biết tên, số điện thoại hay email. Bạn sẽ nhận được một mã bí mật để đọc tin trả lời của họ.
home-self-ask = Xin giúp đỡ
home-self-codename = Tôi đã có mã bí mật
home-other-heading = Nếu bạn lo lắng cho một người khác
home-other-body = Trả lời vài câu hỏi để biết nên làm gì tiếp theo và nên gọi cho ai. Những gì bạn nhập sẽ không được lưu lại.
home-other-check = Kiểm tra điều bạn lo ngại
home-learn-heading = Hiểu rõ quyền của bạn
home-learn-rights = Quyền của bạn: luật nói gì, và vì sao bạn không phải là tội phạm vì những việc bạn bị ép phải làm
home-learn-support = Hỗ trợ: có những sự giúp đỡ nào và làm sao để nhận được
home-danger-heading = Nếu bạn đang gặp nguy hiểm ngay lúc này
home-danger-body = Hãy gọi 999. Nếu bạn không thể nói, hãy gọi 999 bằng điện thoại di động, giữ máy và bấm 55 khi tin nhắn ghi âm yêu cầu. Nếu gọi bằng điện thoại bàn, hãy giữ máy.

## Your rights

rights-title = Quyền của bạn
rights-what-heading = Buôn bán người và nô lệ thời hiện đại là gì
rights-what-body = Buôn bán người và nô lệ thời hiện đại là khi có người dùng vũ lực, đe dọa, lừa dối, nợ nần hoặc hoàn cảnh khó khăn của bạn để bắt bạn làm việc, bán dâm, phạm tội hoặc phục dịch họ — và để không cho bạn rời đi. Việc này có thể xảy ra với bất kỳ ai, thuộc bất kỳ quốc tịch nào, kể cả người Anh. Lúc đầu có thể bạn đã đồng ý đến hoặc đồng ý làm việc; nhưng nếu bạn bị lừa dối hoặc không được tự do rời đi thì đó vẫn là bóc lột.
rights-not-criminal-heading = Bạn không phải là tội phạm vì những việc bạn bị ép phải làm
rights-defence-england_wales = Ở Anh và xứ Wales, luật (Modern Slavery Act 2015 – Luật về Nô lệ Hiện đại năm 2015) cho phép dùng điều này để bào chữa trước tòa: người lớn đã phạm tội vì bị ép buộc do bị bóc lột và không có lựa chọn thực tế nào khác; và người dưới 18 tuổi đã phạm tội do hậu quả trực tiếp của việc bị bóc lột.
rights-defence-scotland = Ở Scotland, luật (Human Trafficking and Exploitation (Scotland) Act 2015 – Luật về Buôn bán người và Bóc lột của Scotland năm 2015) yêu cầu công tố viên phải mặc định rằng một người đã bị buôn bán thì không nên bị truy tố vì những tội mà họ bị ép phải làm.
rights-defence-northern_ireland = Ở Bắc Ireland, luật (Human Trafficking and Exploitation (Criminal Justice and Support for Victims) Act (Northern Ireland) 2015) cũng cho phép bào chữa tương tự cho những người bị ép phải phạm tội.
rights-defence-limits = Quyền bào chữa này không áp dụng cho một số tội rất nghiêm trọng. Luật sư có thể giải thích luật áp dụng cho trường hợp của bạn như thế nào, và có thể bạn sẽ được tư vấn pháp lý miễn phí.
rights-status-heading = Việc hỗ trợ không phụ thuộc vào tình trạng di trú của bạn
rights-status-body = Bạn có thể được hỗ trợ dù bạn có hay không có giấy tờ hoặc thị thực, và dù bạn mang quốc tịch nào. Những kẻ bóc lột thường nói rằng bạn sẽ bị bắt hoặc bị trục xuất nếu bạn xin giúp đỡ. Đó là một cách để kiểm soát bạn.
rights-police-heading = Xin giúp đỡ không có nghĩa là phải nói chuyện với cảnh sát hay cơ quan di trú
rights-police-body = Khi bạn xin giúp đỡ ở đây, yêu cầu của bạn chỉ được gửi đến tổ chức hỗ trợ mà bạn chọn. Waymark không gửi yêu cầu đó cho cảnh sát, cơ quan di trú hay bất kỳ ai khác. Trước khi gửi bất cứ điều gì, bạn sẽ được xem tổ chức đó làm gì với thông tin của bạn.
rights-choice = Bạn quyết định điều gì sẽ xảy ra tiếp theo. Một người lớn chỉ được giới thiệu để xét công nhận chính thức khi người đó đồng ý.

## Support

support-title = Hỗ trợ và cách nhận hỗ trợ
support-what-heading = Có những sự giúp đỡ nào
support-what-body = Các tổ chức hỗ trợ phi chính phủ có thể giúp bạn về:
support-what-housing = một nơi ở an toàn
support-what-health = chăm sóc y tế, tư vấn tâm lý và hỗ trợ sức khỏe tinh thần
support-what-legal = tư vấn pháp lý và tư vấn di trú
support-what-money = tiền, thức ăn và quần áo
support-what-interpreter = thông dịch viên
support-how-heading = Cách thức hoạt động
support-how-body = Một tổ chức hỗ trợ có thể giúp bạn ngay lập tức. Nếu bạn muốn, tổ chức đó cũng có thể giới thiệu bạn để được công nhận chính thức là người sống sót sau nạn buôn bán người hoặc nô lệ thời hiện đại; việc này cho bạn quyền được hỗ trợ trong thời gian chờ các quyết định.
support-decisions-heading = Công nhận chính thức: các quyết định
support-decision-rg = Trước tiên là quyết định về “căn cứ hợp lý”: có lý do để tin rằng bạn đã bị buôn bán hoặc bị bóc lột hay không? Quyết định này cần được đưa ra trong vòng 5 ngày làm việc kể từ khi bạn được giới thiệu.
support-decision-recovery = Nếu quyết định có lợi cho bạn, một thời gian phục hồi sẽ bắt đầu. Ở Anh và xứ Wales, thời gian này ít nhất là 30 ngày; ở Scotland, việc hỗ trợ kéo dài ít nhất 90 ngày; và ở Bắc Ireland ít nhất là 45 ngày. Việc hỗ trợ tiếp tục cho đến khi có quyết định cuối cùng.
support-decision-cg = Sau đó là quyết định về “căn cứ kết luận”, sớm nhất là 30 ngày sau quyết định đầu tiên.
support-consent = Người lớn chỉ được giới thiệu khi họ đồng ý. Trẻ em luôn được bảo vệ, và bộ phận dịch vụ trẻ em sẽ được thông báo.

## Check a concern (screening)

screening-title = Kiểm tra điều bạn lo ngại
screening-intro = Bạn có thể trả lời cho chính mình hoặc cho một người mà bạn đang lo lắng. Những gì bạn nhập ở đây sẽ không được lưu lại, và bạn không cần cho biết tên của ai cả.
screening-danger = Có ai đang gặp nguy hiểm ngay lúc này không?
screening-age = Người đó bao nhiêu tuổi (hoặc bạn bao nhiêu tuổi, nếu đây là chuyện của bạn)?
age-under_18 = Dưới 18 tuổi
age-adult = Từ 18 tuổi trở lên
age-unsure = Không chắc
screening-signs = Chuyện gì đang xảy ra?
screening-signs-hint = Đánh dấu tất cả những điều đúng. Chỉ một dấu hiệu cũng có thể đủ để lo ngại.
screening-nation = Ở đâu trong Vương quốc Anh?
screening-submit = Xem nên làm gì
screening-error-danger = Hãy cho biết có ai đang gặp nguy hiểm ngay lúc này không
screening-error-age = Hãy chọn một độ tuổi, hoặc “Không chắc”
screening-error-nation = Hãy chọn nơi trong Vương quốc Anh

indicator-abuse_of_vulnerability = Có người lợi dụng hoàn cảnh khó khăn (không có giấy tờ, không biết tiếng Anh, mắc nợ, còn trẻ)
indicator-deception = Được hứa một công việc, mức lương, việc học hoặc điều kiện sống, nhưng hóa ra là lừa dối
indicator-restriction_of_movement = Bị nhốt, đi đâu cũng có người đi kèm, hoặc không được phép rời đi
indicator-isolation = Bị tách khỏi gia đình, bạn bè, điện thoại hoặc cộng đồng
indicator-physical_sexual_violence = Bị đánh, bị làm đau, hoặc bị ép quan hệ tình dục
indicator-intimidation_threats = Người đó hoặc gia đình họ bị đe dọa (kể cả bằng lời nguyền hoặc bùa chú như “juju”)
indicator-retention_of_documents = Người khác giữ hộ chiếu hoặc giấy tờ tùy thân
indicator-withholding_of_wages = Làm việc không được trả lương, hoặc người khác giữ tiền lương
indicator-debt_bondage = Một khoản nợ (tiền đi đường, tiền nhà hoặc tiền ăn) không bao giờ trả hết được
indicator-abusive_conditions = Điều kiện sống hoặc làm việc hạ nhục, nguy hiểm hoặc quá chật chội
indicator-excessive_overtime = Làm việc ngày đêm, không có ngày nghỉ
indicator-threatened_with_authorities = Bị dọa rằng cảnh sát hoặc cơ quan di trú sẽ bỏ tù hoặc trục xuất họ
indicator-lives_at_workplace = Ngủ ngay tại nơi làm việc, hoặc chủ lao động kiểm soát chỗ ở
indicator-someone_speaks_for_them = Có người khác trả lời thay, giữ điện thoại của họ, hoặc đi theo đến mọi cuộc gặp
indicator-does_not_know_address = Không biết địa chỉ nơi mình sống hoặc làm việc, hoặc thường xuyên bị chuyển chỗ
indicator-untreated_injuries = Bị thương, bị đói, hoặc không có cách nào để đi khám bác sĩ
indicator-fearful_or_scripted = Sợ hãi hoặc thu mình, hoặc câu chuyện nghe như đã học thuộc lòng
indicator-forced_criminality = Bị ép phạm tội (làm ở nơi trồng cần sa, vận chuyển ma túy, trộm cắp, ăn xin)
indicator-forced_sex_work = Bị ép bán dâm trong khi người khác lấy tiền

## Screening outcomes

outcome-label = Kết quả
outcome-emergency-title = Có người đang gặp nguy hiểm: hãy gọi 999 ngay
outcome-emergency-1 = Hãy gọi 999 ngay và nói rằng có người đang gặp nguy hiểm. Nếu bạn không thể nói, hãy gọi 999 bằng điện thoại di động, giữ máy và bấm 55 khi tin nhắn ghi âm yêu cầu. Nếu gọi bằng điện thoại bàn, hãy giữ máy.
outcome-emergency-2 = Hãy giữ an toàn cho bản thân. Đừng đối mặt với bất kỳ ai mà bạn nghĩ đang bóc lột người đó.
outcome-emergency-3 = Khi mọi người đã an toàn, hãy quay lại đây: các tổ chức hỗ trợ vẫn có thể giúp cả sau khi tình huống khẩn cấp đã qua.
outcome-child_safeguarding-title = Đây có thể là một trẻ em: hãy giữ cho em an toàn
outcome-child_safeguarding-1 = Trẻ em không thể đồng ý để bị bóc lột, và một người có thể dưới 18 tuổi phải được đối xử như trẻ em.
outcome-child_safeguarding-2 = Hãy báo cho { $children_services } ngay hôm nay, và nói rằng bạn lo một trẻ em đang bị bóc lột. Việc này không cần sự đồng ý của trẻ.
outcome-child_safeguarding-3 = Đừng tự mình điều tra hay đối mặt với bất kỳ ai.
outcome-child_safeguarding-4 = Một tổ chức hỗ trợ cũng có thể giúp, và sẽ bảo đảm em được an toàn.
outcome-possible_trafficking-title = Đây có thể là buôn bán người hoặc nô lệ thời hiện đại
outcome-possible_trafficking-1 = Luôn có sự giúp đỡ, dù tình trạng di trú của người đó thế nào, và xin giúp đỡ không có nghĩa là phải đến cảnh sát hay cơ quan di trú.
outcome-possible_trafficking-2 = Một tổ chức hỗ trợ phi chính phủ có thể giúp về an toàn, chỗ ở, sức khỏe và tư vấn pháp lý.
outcome-possible_trafficking-3 = Người lớn tự quyết định: không ai bị giới thiệu đi nếu họ không đồng ý.
outcome-no_clear_indicators-title = Hiện chưa có gì cho thấy rõ là buôn bán người
outcome-no_clear_indicators-1 = Từ những câu trả lời này, chưa có gì cho thấy rõ là buôn bán người hoặc nô lệ thời hiện đại.
outcome-no_clear_indicators-2 = Mọi chuyện có thể thay đổi, và người ta thường kể nhiều hơn khi họ cảm thấy an toàn. Bạn có thể kiểm tra lại bất cứ lúc nào.
outcome-no_clear_indicators-3 = Nếu bạn vẫn lo lắng, hãy gọi Modern Slavery & Exploitation Helpline (đường dây trợ giúp) để được tư vấn.
outcome-self = Nếu đây là chuyện của bạn: hãy tự mình xin giúp đỡ
outcome-helper = Nếu bạn đang giúp một người: hãy giới thiệu họ, khi họ đồng ý (người giúp cần có tài khoản)
outcome-again = Kiểm tra lại
outcome-learn = Tìm hiểu các dấu hiệu và việc cần làm (khóa học cho người giúp đỡ)

## Ask for help (self-referral)

help-title = Xin giúp đỡ
help-intro = Hãy trả lời vài câu hỏi ngắn. Bạn không cần cho biết tên, số điện thoại hay email. Cuối cùng, bạn chọn một tổ chức hỗ trợ, xem tổ chức đó làm gì với thông tin của bạn, và nhận một mã bí mật để đọc tin trả lời của họ.
help-start = Bắt đầu
help-progress = Câu hỏi { $step } trên { $total }
help-required = Hãy trả lời câu hỏi này để tiếp tục
help-nation = Bạn đang ở đâu trong Vương quốc Anh?
help-area = Bạn đang ở khu vực hội đồng địa phương nào?
help-area-hint = Hãy chọn khu vực hội đồng địa phương của bạn trong danh sách. Nếu bạn không biết, hãy chọn “Tôi không chắc”: chúng tôi vẫn sẽ tìm giúp đỡ cho bạn.
help-area-unsure = Tôi không chắc
help-area-error = Hãy chọn khu vực hội đồng của bạn trong danh sách, hoặc “Tôi không chắc”.
help-age = Bạn bao nhiêu tuổi?
help-age-unsure = Tôi không chắc
help-needs = Bạn cần giúp đỡ về việc gì?
help-needs-hint = Đánh dấu tất cả những điều đúng với bạn.
help-needs-error = Hãy chọn ít nhất một việc bạn cần giúp đỡ
help-urgency = Bạn cần giúp đỡ gấp đến mức nào?
urgency-today = Hôm nay
urgency-this_week = Trong tuần này
urgency-not_urgent = Không gấp
help-language = Bạn muốn dùng ngôn ngữ nào?
help-language-hint = Ví dụ: tiếng Albania, tiếng Việt, tiếng Ả Rập, tiếng Tigrinya. Có thể sắp xếp thông dịch viên.
help-about = Bạn có muốn nói thêm điều gì với họ không?
help-about-hint = Tất cả các mục này đều không bắt buộc. Chỉ viết những gì an toàn cho bạn.
help-name = Tên để họ gọi bạn
help-name-hint = Không nhất thiết phải là tên thật của bạn.
help-contact = Một cách liên lạc an toàn với bạn
help-contact-hint = Chỉ khi thấy an toàn: người có thể kiểm tra điện thoại của bạn không được nhìn thấy thông tin này. Thay vào đó, bạn có thể dùng mã bí mật.
help-limit = Tối đa { $max } ký tự.
help-too-long = Đoạn này có { $count } ký tự: tối đa là { $max }. Vui lòng rút ngắn lại; những gì khác bạn đã viết không bị mất.
help-message = Tin nhắn của bạn
help-org = Chọn nơi bạn muốn gửi yêu cầu
help-org-none = Hiện chưa có tổ chức hỗ trợ nào. Vui lòng gọi đường dây trợ giúp bên dưới.
help-org-policy = Cách { $org } xử lý thông tin của bạn:
help-org-area = Hoạt động tại { $area }
help-consent = Tôi đã đọc cách tổ chức này xử lý thông tin của tôi, và tôi muốn gửi yêu cầu của mình đến tổ chức này
help-consent-error = Hãy đánh dấu vào ô để xác nhận bạn muốn gửi yêu cầu
help-org-error = Hãy chọn một tổ chức
help-child-note = Vì bạn có thể dưới 18 tuổi, tổ chức cũng sẽ bảo đảm bạn được an toàn. Việc này bao gồm cả báo cho bộ phận dịch vụ trẻ em.
help-send = Gửi yêu cầu của tôi

need-emergency_accommodation = Một chỗ an toàn để ngủ đêm nay
need-safe_housing = Nhà ở an toàn
need-medical = Chăm sóc y tế
need-mental_health = Người để trò chuyện, sức khỏe tinh thần
need-legal_advice = Tư vấn pháp lý
need-immigration_advice = Tư vấn di trú
need-interpreter = Thông dịch viên
need-money_and_food = Tiền và thức ăn
need-children_and_family = Con cái và gia đình tôi
need-education_and_work = Học tập và việc làm
need-faith_and_community = Tôn giáo và cộng đồng
need-return_home = Trở về nhà an toàn

# The data-sharing policy of an organisation that has not written its own (Waymark's default; the English
# is `waymark_app::DEFAULT_DATA_SHARING_POLICY`), and the note above a policy the organisation has not
# given in this language, which is then shown in English.
policy-default = Chúng tôi giữ kín những gì bạn kể với chúng tôi. Thông tin của bạn được lưu trữ dưới dạng mã hóa và chỉ những người đang hỗ trợ bạn mới có thể đọc được. Chúng tôi không chia sẻ thông tin đó với cảnh sát, cơ quan di trú hay bất kỳ ai khác nếu bạn không đồng ý, trừ khi có người đang gặp nguy hiểm trước mắt hoặc có trẻ em gặp rủi ro. Bạn có thể rút lại sự đồng ý của mình bất cứ lúc nào.
help-policy-untranslated = { $org } chưa cung cấp nội dung này bằng tiếng Việt, vì vậy nội dung được hiển thị bằng tiếng Anh. Bạn có thể đề nghị tổ chức giải thích cho bạn trước khi đồng ý: yêu cầu của bạn chỉ được gửi đến tổ chức này nếu bạn đánh dấu vào ô.

## The codename

help-expired-title = Trang này đã hết hạn
help-expired-body = Để bảo đảm an toàn cho bạn, những gì bạn đã nhập chỉ được giữ tối đa một giờ, và sẽ bị xóa khi yêu cầu của bạn đã được gửi và mã bí mật đã được lưu, hoặc khi bạn rời đi bằng “Thoát khỏi trang này”. Không thể hiển thị lại bất cứ điều gì trong đó.
help-start-again = Yêu cầu giúp đỡ lại
codename-title = Yêu cầu của bạn đã được gửi
codename-intro = Đây là mã bí mật của bạn. Đây là cách duy nhất để đọc tin trả lời, và chúng tôi sẽ không bao giờ hiển thị lại mã này.
codename-save = Hãy ghi lại hoặc học thuộc, và cất ở nơi không ai khác tìm thấy. Đừng lưu ở nơi mà kẻ bóc lột bạn có thể nhìn thấy.
codename-check = Để kiểm tra bạn đã lưu mã, hãy nhập nhóm số thứ { $n } trong mã bí mật của bạn (bốn chữ số của nhóm đó)
codename-check-error = Đó không phải là nhóm số thứ { $n }. Hãy xem lại mã bí mật của bạn và thử lại.
codename-check-submit = Kiểm tra
codename-saved-title = Cảm ơn bạn: bạn đã lưu mã bí mật
codename-saved-body = Hãy quay lại bất cứ lúc nào để đọc tin trả lời và viết tin nhắn. Chọn “Đọc tin trả lời” rồi nhập mã bí mật của bạn.

## Read replies (the codename channel)

channel-title = Đọc tin trả lời
channel-intro = Nhập mã bí mật của bạn: những con số bạn đã nhận được (hoặc những từ, nếu bạn nhận được từ).
channel-codename = Mã bí mật của bạn
channel-open = Mở
channel-wrong = Không tìm thấy gì với mã bí mật này. Hãy kiểm tra lại các con số và thử lại.
channel-codename-missing = Hãy nhập mã bí mật của bạn trước.
channel-limited = Bạn đã thử quá nhiều lần. Để bảo đảm an toàn cho bạn, sẽ không mở được mã bí mật nào từ thiết bị này trong một thời gian. Hãy thử lại sau { $minutes } phút.
channel-status-sent = Yêu cầu của bạn đã được gửi đến { $org }. Họ chưa trả lời.
channel-status-accepted = { $org } đã chấp nhận yêu cầu của bạn. Họ sẽ liên lạc với bạn, tại đây hoặc theo cách bạn đã chọn.
channel-status-declined = { $org } không thể nhận yêu cầu của bạn. Hãy đọc tin nhắn của họ bên dưới; bạn có thể xin giúp đỡ lại, hoặc gọi đường dây trợ giúp.
channel-status-answered = { $org } đã viết cho bạn ở bên dưới. Họ chưa cho biết liệu họ có thể nhận yêu cầu của bạn hay không.
channel-status-withdrawn = Yêu cầu của bạn gửi đến { $org } đã được rút lại. Không có gì thêm được chia sẻ với họ.
channel-decline-reason = Lý do họ không thể nhận yêu cầu của bạn
channel-messages = Tin nhắn
channel-from-you = Bạn
channel-none = Chưa có tin nhắn nào.
channel-write = Viết tin nhắn
channel-send = Gửi
channel-sent = Tin nhắn của bạn đã được gửi.
channel-empty = Hãy viết tin nhắn trước
channel-leave = Đóng (trang này sẽ quên mã bí mật của bạn)
erase-heading = Xóa thông tin của tôi
erase-body = Nếu bạn xóa, sẽ không ai có thể đọc lại thông tin và tin nhắn của bạn nữa, và mã bí mật này sẽ không dùng được nữa. Việc này không thể hoàn tác.
erase-confirm = Có, xóa thông tin của tôi
erase-not-confirmed = Đánh dấu vào “Có, xóa thông tin của tôi” để xóa. Chưa có gì bị xóa.
erase-done-title = Thông tin của bạn đã được xóa
erase-done-body = Không ai có thể đọc thông tin hay tin nhắn của bạn nữa. Nếu bạn cần giúp đỡ lần nữa, bạn có thể xin lại bất cứ lúc nào.

# Automatic messages to the person in their codename channel.
notice-news = Có tin mới về việc bạn được giới thiệu đến { $body }.
notice-decision-reasonable_grounds_positive = Quyết định đầu tiên của họ là có. Điều này có nghĩa là bạn có thể nhận hỗ trợ, và có thời gian để nghỉ ngơi và hồi phục. Bây giờ bạn không cần làm gì cả. Họ sẽ đưa ra quyết định cuối cùng sau, và chúng tôi sẽ báo cho bạn ở đây.
notice-decision-reasonable_grounds_positive-until = Quyết định đầu tiên của họ là có. Điều này có nghĩa là bạn có thể nhận hỗ trợ, và có thời gian để nghỉ ngơi và hồi phục, ít nhất đến { $date }. Bây giờ bạn không cần làm gì cả. Họ sẽ đưa ra quyết định cuối cùng sau, và chúng tôi sẽ báo cho bạn ở đây.
notice-decision-reasonable_grounds_negative = Quyết định đầu tiên của họ là không. Chúng tôi biết điều này có thể khó nghe. Đây không nhất thiết là kết thúc: bạn có thể nhờ chúng tôi đề nghị họ xem xét lại quyết định. Hãy cho chúng tôi biết nếu bạn muốn vậy, hoặc nếu còn điều gì bạn muốn họ biết.
notice-decision-conclusive_positive = Quyết định cuối cùng của họ là có. Điều này xác nhận rằng bạn cần được bảo vệ và hỗ trợ. Chúng tôi sẽ nói chuyện với bạn về sự hỗ trợ bạn có thể nhận tiếp theo.
notice-decision-conclusive_negative = Quyết định cuối cùng của họ là không. Chúng tôi biết điều này có thể khó nghe. Bạn có thể nhờ chúng tôi đề nghị họ xem xét lại quyết định. Chúng tôi sẽ nói chuyện với bạn về sự hỗ trợ bạn vẫn có thể nhận và điều bạn muốn làm tiếp theo.
notice-explain = Chúng tôi có thể giải thích điều này có nghĩa là gì và đưa bạn lá thư. Hãy viết cho chúng tôi ở đây, hoặc hỏi người phụ trách hỗ trợ bạn.
notice-referred = Chúng tôi đã giới thiệu bạn đến { $org }, như đã thỏa thuận với bạn. Chúng tôi chỉ chia sẻ: { $shared }. Không chia sẻ gì khác. { $org } sẽ quyết định họ có thể giúp hay không, và chúng tôi sẽ báo cho bạn ở đây. Bạn có thể yêu cầu chúng tôi ngừng chia sẻ bất cứ lúc nào.
notice-shared-identity = bạn là ai (tên, ngày sinh hoặc tuổi, quốc tịch, ngôn ngữ)
notice-shared-contact = cách liên lạc với bạn an toàn
notice-shared-needs = những gì bạn cần
notice-shared-history = những gì đã xảy ra với bạn
notice-shared-documents = giấy tờ của bạn
date-long = ngày { $day } { $month } năm { $year }
month-1 = tháng 1
month-2 = tháng 2
month-3 = tháng 3
month-4 = tháng 4
month-5 = tháng 5
month-6 = tháng 6
month-7 = tháng 7
month-8 = tháng 8
month-9 = tháng 9
month-10 = tháng 10
month-11 = tháng 11
month-12 = tháng 12

# The footer and the privacy notice (issue 13).
nav-privacy = Quyền riêng tư
footer-operator = Dịch vụ này do { $operator } điều hành.
footer-operator-unnamed = Tổ chức điều hành dịch vụ này chưa ghi tên của mình ở đây.
footer-contact = Liên hệ
privacy-title = Quyền riêng tư của bạn
privacy-who-heading = Ai điều hành dịch vụ này
privacy-who-unnamed = Tổ chức điều hành dịch vụ này chưa ghi tên và cách liên hệ ở đây. Hãy hỏi người đã đưa bạn địa chỉ này trước khi chia sẻ bất cứ điều gì.
privacy-what-heading = Những gì được lưu giữ
privacy-what-body = Khi bạn xin giúp đỡ, tổ chức bạn chọn sẽ nhận những gì bạn cho họ biết: bạn cần gì, bạn đang ở đâu và việc gấp đến mức nào, nhóm tuổi và ngôn ngữ của bạn, và chỉ khi bạn cung cấp, tên của bạn, một cách an toàn để liên lạc và tin nhắn của bạn. Nếu họ hỗ trợ bạn, họ giữ hồ sơ về sự hỗ trợ đó: ghi chú, kế hoạch và những giấy tờ bạn đồng ý đưa. Mọi thứ có thể nhận diện bạn đều được mã hóa bằng một khóa của riêng bạn. Mã bí mật của bạn không bao giờ được lưu, chỉ lưu một dạng đã xáo trộn không thể chuyển ngược lại thành chữ hay số.
privacy-who-sees-heading = Ai có thể xem
privacy-who-sees-body = Chỉ tổ chức bạn chọn, và chỉ những người ở đó làm việc với bạn. Họ chỉ chia sẻ thông tin của bạn với một tổ chức khác, hoặc với một cơ quan quyết định bạn có phải là người sống sót sau nạn buôn người hay không, nếu bạn đồng ý, và bạn có thể đổi ý. Mỗi lần có người mở thông tin của bạn đều được ghi lại. Waymark không có liên hệ nào với cảnh sát, Bộ Nội vụ (Home Office) hay cơ quan thực thi luật di trú, và không gửi gì cho họ. Không có gì được gửi cho bất kỳ công ty nào khác: không quảng cáo, không theo dõi.
privacy-how-long-heading = Được lưu giữ bao lâu
privacy-how-long-body = Trong thời gian bạn được hỗ trợ, và sau đó trong thời gian mỗi tổ chức giữ một hồ sơ đã đóng, như bên dưới. Sau đó thông tin tự động bị xóa. Chỉ còn lại các con số không nêu tên ai, để các dịch vụ thấy điều gì giúp ích.
privacy-erase-heading = Cách xóa
privacy-erase-body = Với mã bí mật của bạn, mở “Đọc tin trả lời” và chọn “Xóa thông tin của tôi”. Thông tin bị xóa ngay lập tức, ở mọi nơi đã được gửi đến, và không ai có thể đọc lại. Bạn cũng có thể yêu cầu tổ chức, hoặc liên hệ ở trên.
privacy-cookies = Các trang này không đặt cookie nào và không lưu lại chuyến truy cập của bạn.
privacy-keep-years = { $n } năm sau khi hồ sơ đóng
privacy-keep-one-year = 1 năm sau khi hồ sơ đóng
privacy-keep-months = { $n } tháng sau khi hồ sơ đóng
privacy-keep-days = { $n } ngày sau khi hồ sơ đóng
privacy-none = Chưa có tổ chức nào nhận yêu cầu giúp đỡ ở đây.
